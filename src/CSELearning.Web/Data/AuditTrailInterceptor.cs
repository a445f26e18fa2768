using CSELearning.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CSELearning.Web.Data;

/// <summary>The audit trail only grows: no save may change or remove an entry.</summary>
public sealed class AuditTrailInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RefuseChanges(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RefuseChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void RefuseChanges(DbContext? db)
    {
        if (db?.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted) == true)
            throw new AuditTrailIsAppendOnlyException();
    }
}
