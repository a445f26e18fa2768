using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

public enum Reader
{
    Author,
    Supervisor,
}

// Only the author and, once it is shared, a current supervisor may read a log, whatever anyone's role;
// anyone else is told it does not exist, so ids reveal nothing.
[FeatureService]
public sealed class ReflectionAccess(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<(ReflectiveLog Log, Reader Reader)?> OpenAsync(ClaimsPrincipal principal, Guid id, bool audit, CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        var log = await db.ReflectiveLogs.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (log is null) return null;
        if (log.AuthorId == userId) return (log, Reader.Author);
        if (!log.IsVisibleToSupervisors || !await SupervisesAsync(userId, log.AuthorId, cancellationToken)) return null;
        if (audit)
        {
            db.AuditEntries.Add(new AuditEntry(AuditAction.LogRead, userId, log.Id, log.AuthorId, Now));
            await db.SaveChangesAsync(cancellationToken);
        }
        return (log, Reader.Supervisor);
    }

    private Task<bool> SupervisesAsync(Guid supervisorId, Guid superviseeId, CancellationToken cancellationToken) =>
        SupervisionRelationship.CurrentSupervisorsOf(db.SupervisionRelationships, superviseeId, Today).AnyAsync(id => id == supervisorId, cancellationToken);

    public Task<List<Guid>> SupervisorsOfAsync(Guid superviseeId, CancellationToken cancellationToken) =>
        SupervisionRelationship.CurrentSupervisorsOf(db.SupervisionRelationships, superviseeId, Today).Distinct().ToListAsync(cancellationToken);
}
