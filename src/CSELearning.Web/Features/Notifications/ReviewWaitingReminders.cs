using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Notifications;

// To each current supervisor a log is shared with, once it has waited Supervision:ReviewOverdueAfterDays for
// review: the day the supervisor's home starts to show it as overdue. Due on the day it became overdue, so a log shared again after a revision is a new reminder.
public static class ReviewWaitingReminders
{
    public sealed class Handler(AppDbContext db, IOptions<SupervisionOptions> options, TimeProvider time)
    {
        public async Task<int> FindAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var days = options.Value.ReviewOverdueAfterDays;
            var sharedBefore = now.AddDays(-days);
            var waiting = await (
                    from log in db.ReflectiveLogs
                    where log.Status == LogStatus.Shared && log.SharedAt != null && log.SharedAt < sharedBefore
                    join share in db.LogShares on log.Id equals share.LogId
                    join supervision in db.SupervisionRelationships.Where(SupervisionRelationship.CurrentOn(today))
                        on new { Supervisor = share.SupervisorId, Supervisee = log.AuthorId } equals new { Supervisor = supervision.SupervisorId, Supervisee = supervision.SuperviseeId }
                    join supervisor in db.Users on share.SupervisorId equals supervisor.Id
                    where supervisor.IsActive
                    select new { log.Id, SharedAt = log.SharedAt!.Value, share.SupervisorId })
                .AsNoTracking()
                .Distinct()
                .ToListAsync(cancellationToken);

            var found = waiting.Select(w => new Notification(w.SupervisorId, NotificationKind.ReviewWaiting, w.Id.ToString("D"),
                    DateOnly.FromDateTime(w.SharedAt).AddDays(days),
                    $"A reflective log shared with you on {Dates.Day(w.SharedAt)} has waited more than {days} days for your review.",
                    $"/reflections/{w.Id:D}", now))
                .ToList();
            return await NotificationSet.AddNewAsync(db, NotificationKind.ReviewWaiting, found, cancellationToken);
        }
    }
}
