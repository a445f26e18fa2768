using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Features.Supervision;

namespace CSELearning.Web.Features.Notifications;

// To both people in a current supervision with an agreed frequency, once the next session is due within
// NextSession.DueWithinDays days (or overdue), by the same rule their home pages use (the supervisee only while
// no later session is planned, as their home then shows that date instead). Keyed to the day it is
// due, so a session recorded moves the date on and the next one is a new reminder; an overdue session is not
// reminded of again until one is recorded. Names the other person, never anything said in supervision.
public static class SupervisionDueReminders
{
    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<int> FindAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var sessions = await NextSession.ForAsync(db, today,
                s => s.FrequencyWeeks != null && s.Supervisor!.IsActive && s.Supervisee!.IsActive, cancellationToken);

            var found = new List<Notification>();
            foreach (var session in sessions.Where(s => s.IsDueBy(today)))
            {
                var due = session.DueOn!.Value;
                var (verb, weeks) = (due < today ? "was due on" : "is due by", session.FrequencyWeeks == 1 ? "week" : $"{session.FrequencyWeeks} weeks");
                found.Add(new Notification(session.SupervisorId, NotificationKind.SupervisionDue, session.SuperviseeId.ToString("D"), due,
                    $"Supervision with {session.SuperviseeName} {verb} {Dates.Day(due)}: you agreed to meet every {weeks}.",
                    $"/supervision/records/new?supervisee={session.SuperviseeId:D}", now));
                // A session the last record planned, still ahead, is what the supervisee's home shows as next:
                // they are not told of an earlier date by the frequency; the supervisor, who agreed it, is.
                if (session.PlannedOn is { } planned && planned >= today) continue;
                found.Add(new Notification(session.SuperviseeId, NotificationKind.SupervisionDue, session.SupervisorId.ToString("D"), due,
                    $"Your supervision with {session.SupervisorName} {verb} {Dates.Day(due)}: you agreed to meet every {weeks}.",
                    "/supervision/records", now));
            }
            return await NotificationSet.AddNewAsync(db, NotificationKind.SupervisionDue, found, cancellationToken);
        }
    }
}
