using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

// How the signed-in person stands to a supervision record.
public enum Party
{
    Supervisor,
    Supervisee,
}

// Who may open a supervision record: the two people it is between, and nobody else. The supervisee, always;
// the supervisor who made it, while they still supervise the supervisee. A former supervisor, another
// supervisor, another learner, a commissioner or an administrator is told the record does not exist, so
// ids reveal nothing. The supervisor wrote the record, so the supervisee's reads of it are audited (Open).
[FeatureService]
public sealed class RecordAccess(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    // The record (tracked, with its actions and discussed logs) and the person's part in it, or null when they have none.
    public async Task<(SupervisionRecord Record, Party Party)?> OpenAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        var record = await db.SupervisionRecords
            .Where(r => r.Id == id && (r.SupervisorId == userId || r.SuperviseeId == userId))
            .Include(r => r.Actions)
            .Include(r => r.DiscussedLogs)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null) return null;
        if (record.SuperviseeId == userId) return (record, Party.Supervisee);
        return await SupervisesAsync(userId, record.SuperviseeId, cancellationToken) ? (record, Party.Supervisor) : null;
    }

    // Whether the person supervises the supervisee today.
    public Task<bool> SupervisesAsync(Guid supervisorId, Guid superviseeId, CancellationToken cancellationToken) =>
        SupervisionRelationship.CurrentSupervisorsOf(db.SupervisionRelationships, superviseeId, DateOnly.FromDateTime(Now))
            .AnyAsync(id => id == supervisorId, cancellationToken);
}
