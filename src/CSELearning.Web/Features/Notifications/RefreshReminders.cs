using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Features.Modules;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

// To a learner whose refresh is coming or has come: their latest certificate for a module expires within
// 30 days (due soon) or has expired (overdue), or the version they completed has been superseded by a major
// change, which "My learning" shows as a refresh due (overdue from the day it is seen).
public static class RefreshReminders
{
    public sealed class Handler(AppDbContext db, ContentCatalog catalog, TimeProvider time)
    {
        public async Task<int> FindAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var soon = new List<Notification>();
            var overdue = new List<Notification>();

            var noticeFrom = today.AddDays(NotificationOptions.RefreshNoticeDays);
            var certificates = await (
                    from c in db.Certificates
                    where c.RevokedAt == null && c.ValidUntil != null && c.ValidUntil <= noticeFrom
                    join u in db.Users on c.UserId equals u.Id
                    where u.IsActive
                    // Only the latest certificate for the module counts: a refresh taken since replaces it.
                    where !db.Certificates.Any(later => later.UserId == c.UserId && later.ModuleId == c.ModuleId && later.IssuedAt > c.IssuedAt)
                    select new { c.UserId, c.ModuleId, c.ModuleTitle, ValidUntil = c.ValidUntil!.Value })
                .AsNoTracking().ToListAsync(cancellationToken);
            foreach (var c in certificates)
            {
                var title = catalog.Find(c.ModuleId)?.Title ?? c.ModuleTitle;
                if (c.ValidUntil > today)
                    soon.Add(new Notification(c.UserId, NotificationKind.RefreshDueSoon, c.ModuleId, c.ValidUntil,
                        $"Your certificate for {title} expires on {Dates.Day(c.ValidUntil)}: a refresh is due.", "/my-learning", now));
                else
                    overdue.Add(new Notification(c.UserId, NotificationKind.RefreshOverdue, c.ModuleId, c.ValidUntil,
                        $"Your certificate for {title} expired on {Dates.Day(c.ValidUntil)}: your refresh is overdue.", "/my-learning", now));
            }

            var learners = await db.ModuleCompletions.AsNoTracking()
                .Join(db.Users.Where(u => u.IsActive), c => c.UserId, u => u.Id, (c, u) => c.UserId)
                .Distinct().ToListAsync(cancellationToken);
            var states = await LearningStates.OfAsync(db, learners, catalog.Modules, cancellationToken);
            foreach (var ((userId, moduleId), state) in states)
            {
                if (state != LearningState.RefreshDue || catalog.Find(moduleId) is not { } module) continue;
                // Keyed to the module's version, so a later major change is a new reminder.
                overdue.Add(new Notification(userId, NotificationKind.RefreshOverdue, $"{module.Id}@{module.Version}", DateOnly.MinValue,
                    $"{module.Title} has changed since you completed it: a refresh is due.", "/my-learning", now));
            }

            return await NotificationSet.AddNewAsync(db, NotificationKind.RefreshDueSoon, soon, cancellationToken)
                + await NotificationSet.AddNewAsync(db, NotificationKind.RefreshOverdue, overdue, cancellationToken);
        }
    }
}
