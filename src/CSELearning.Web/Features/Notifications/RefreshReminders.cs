using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

// To a learner whose refresh is coming or has come, by the rule their home page lists it (Refresh.Of on their
// latest completion of each published module): due within Refresh.DueSoonDays days, overdue once the day their
// certificate is valid until has passed, or due at once because the version they completed has been superseded
// by a major change. Due-soon and overdue are keyed to the due day, so taking the refresh starts a new pair;
// a major change is keyed to the module's version, so a later one is a new reminder.
public static class RefreshReminders
{
    public sealed class Handler(AppDbContext db, ContentCatalog catalog, TimeProvider time)
    {
        public async Task<int> FindAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var moduleIds = catalog.Modules.Select(m => m.Id).ToList();
            var completions = await db.ModuleCompletions.AsNoTracking()
                .Where(c => moduleIds.Contains(c.ModuleId))
                .Join(db.Users.Where(u => u.IsActive), c => c.UserId, u => u.Id, (c, u) => c)
                .ToListAsync(cancellationToken);

            var soon = new List<Notification>();
            var overdue = new List<Notification>();
            foreach (var latest in completions.GroupBy(c => (c.UserId, c.ModuleId)).Select(g => g.MaxBy(c => c.CompletedAt)!))
            {
                if (catalog.Find(latest.ModuleId) is not { } module) continue;
                switch (Refresh.Of(module, latest, today))
                {
                    case { State: RefreshState.DueSoon, DueOn: { } on }:
                        soon.Add(new Notification(latest.UserId, NotificationKind.RefreshDueSoon, module.Id, on,
                            $"Your certificate for {module.Title} is valid until {Dates.Day(on)}: a refresh is due.", "/my-learning", now));
                        break;
                    case { State: RefreshState.Overdue, DueOn: { } on }:
                        overdue.Add(new Notification(latest.UserId, NotificationKind.RefreshOverdue, module.Id, on,
                            $"Your certificate for {module.Title} was valid until {Dates.Day(on)}: your refresh is overdue.", "/my-learning", now));
                        break;
                    case { State: RefreshState.Due }:
                        overdue.Add(new Notification(latest.UserId, NotificationKind.RefreshOverdue, $"{module.Id}@{module.Version}", DateOnly.MinValue,
                            $"{module.Title} has changed since you completed it: a refresh is due.", "/my-learning", now));
                        break;
                }
            }

            return await NotificationSet.AddNewAsync(db, NotificationKind.RefreshDueSoon, soon, cancellationToken)
                + await NotificationSet.AddNewAsync(db, NotificationKind.RefreshOverdue, overdue, cancellationToken);
        }
    }
}
