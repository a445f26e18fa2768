using System.Linq.Expressions;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

// When each current supervision's next session falls: due by the agreed frequency, counted from the last session
// the two recorded together (or from the start), and the next session that last record planned. One rule for the
// supervisor's home, the supervisee's home and the reminders, so the three never disagree.
public static class NextSession
{
    // How far ahead a session due by the agreed frequency is listed on the supervisor's home and reminded of.
    public const int DueWithinDays = 7;

    public sealed record Of(Guid SupervisorId, string SupervisorName, Guid SuperviseeId, string SuperviseeName,
        int? FrequencyWeeks, DateOnly? DueOn, DateOnly? PlannedOn)
    {
        // Listed and reminded of from DueWithinDays before the day it is due.
        public bool IsDueBy(DateOnly today) => DueOn is { } due && due <= today.AddDays(DueWithinDays);
    }

    public static async Task<IReadOnlyList<Of>> ForAsync(AppDbContext db, DateOnly today,
        Expression<Func<SupervisionRelationship, bool>> which, CancellationToken cancellationToken)
    {
        var current = db.SupervisionRelationships.Where(SupervisionRelationship.CurrentOn(today)).Where(which);
        var relationships = await current.AsNoTracking()
            .Select(s => new
            {
                s.SupervisorId, SupervisorName = s.Supervisor!.DisplayName, s.SuperviseeId, SuperviseeName = s.Supervisee!.DisplayName,
                s.StartsOn, s.FrequencyWeeks,
            })
            .ToListAsync(cancellationToken);
        var sessions = await (
                from r in db.SupervisionRecords
                join s in current on new { r.SupervisorId, r.SuperviseeId } equals new { s.SupervisorId, s.SuperviseeId }
                select new { r.SupervisorId, r.SuperviseeId, r.SessionDate, r.NextSessionDate })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var last = sessions.GroupBy(r => (r.SupervisorId, r.SuperviseeId)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.SessionDate)!);

        // Two current rows for one pair would be an administration slip; the pair still has one next session.
        return relationships
            .GroupBy(s => (s.SupervisorId, s.SuperviseeId))
            .Select(g => g.OrderBy(s => s.StartsOn).First())
            .Select(s =>
            {
                var latest = last.GetValueOrDefault((s.SupervisorId, s.SuperviseeId));
                return new Of(s.SupervisorId, s.SupervisorName, s.SuperviseeId, s.SuperviseeName, s.FrequencyWeeks,
                    SupervisionRelationship.SupervisionDueOn(s.FrequencyWeeks, s.StartsOn, latest?.SessionDate), latest?.NextSessionDate);
            })
            .ToList();
    }
}
