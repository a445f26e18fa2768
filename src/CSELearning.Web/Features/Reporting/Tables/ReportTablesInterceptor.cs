using System.Runtime.CompilerServices;
using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CSELearning.Web.Features.Reporting.Tables;

// Same transaction as every save that changes what the tables count. A synchronous save of such a change is refused,
// as keeping the tables needs queries that are only made asynchronously.
public sealed class ReportTablesInterceptor : SaveChangesInterceptor
{
    // The interceptor is shared by every context; what a save will change travels with its context.
    private readonly ConditionalWeakTable<DbContext, ReportTables> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && ReportTables.Collect(db.ChangeTracker) is not null)
            throw new InvalidOperationException(
                "This save changes what the reports count, which is kept in step only by SaveChangesAsync: call SaveChangesAsync.");
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || ReportTables.Collect(db.ChangeTracker) is not { } reports) return result;
        if (db.Database.CurrentTransaction is not null)
        {
            // Applied once the rows are written, before the caller commits (SavedChangesAsync).
            _pending.AddOrUpdate(db, reports);
            return result;
        }
        // No transaction yet: save again inside one of our own (this method sees that save with the transaction open),
        // and tell EF Core the save is done.
        var saved = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var count = await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
        return InterceptionResult<int>.SuppressWithResult(saved);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && _pending.TryGetValue(db, out var reports))
        {
            _pending.Remove(db);
            await reports.ApplyAsync(db, cancellationToken);
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) _pending.Remove(db);
        return Task.CompletedTask;
    }
}
