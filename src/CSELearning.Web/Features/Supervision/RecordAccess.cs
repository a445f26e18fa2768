using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

public enum Party
{
    Supervisor,
    Supervisee,
}

// Only the two people a record is between, the supervisor only while still supervising; anyone else is told it
// does not exist, so ids reveal nothing.
[FeatureService]
public sealed class RecordAccess(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

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

    public Task<bool> SupervisesAsync(Guid supervisorId, Guid superviseeId, CancellationToken cancellationToken) =>
        SupervisionRelationship.CurrentSupervisorsOf(db.SupervisionRelationships, superviseeId, DateOnly.FromDateTime(Now))
            .AnyAsync(id => id == supervisorId, cancellationToken);
}
