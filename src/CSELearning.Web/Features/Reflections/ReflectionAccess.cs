using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

// How the signed-in person stands to a log: its author, or a current supervisor of its author.
public enum Reader
{
    Author,
    Supervisor,
}

// Who may open a reflective log: its author, always; a supervisor of its author, while the supervision is
// current and once the log has been shared. Nobody else, whatever their role: administrators and
// commissioners see counts and statuses elsewhere, never text. Every read by a supervisor is audited.
// Anyone else is told the log does not exist, so ids reveal nothing.
[FeatureService]
public sealed class ReflectionAccess(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    // The log (tracked) and how the person may read it, or null when they may not.
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
