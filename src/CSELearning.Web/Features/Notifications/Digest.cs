using System.Text;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Notifications;

// One email a day for each person with something new, from Notifications:DigestHourUtc: a line for each thing
// that happened and a link to it, never what anyone wrote. Kinds the person has turned off are left out (they
// stay on the notifications page). The outbox key "digest:<person>:<day>" is unique, so a second digest on
// the same day cannot be queued, whichever server tries; what comes later waits for the next day's.
public static class Digest
{
    public sealed class Handler(AppDbContext db, ITextProtector protector, IOptions<SiteOptions> site, IOptions<NotificationOptions> options, TimeProvider time)
    {
        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (now.Hour < options.Value.DigestHourUtc) return 0;
            var root = site.Value.PublicBaseUrl?.TrimEnd('/');
            // Without the site's address there is no link to give; start-up requires it once email is configured.
            if (string.IsNullOrEmpty(root)) return 0;
            var today = DateOnly.FromDateTime(now);

            var pending = await db.Notifications.Where(n => n.Email == EmailState.Pending)
                .OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
            if (pending.Count == 0) return 0;
            var userIds = pending.Select(n => n.UserId).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.IsActive }).ToDictionaryAsync(u => u.Id, cancellationToken);
            var optedOut = (await db.NotificationOptOuts.AsNoTracking().Where(o => userIds.Contains(o.UserId)).ToListAsync(cancellationToken))
                .Select(o => (o.UserId, o.Kind)).ToHashSet();
            var keys = userIds.Select(id => KeyFor(id, today)).ToList();
            var sentToday = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken)).ToHashSet();

            var queued = 0;
            foreach (var group in pending.GroupBy(n => n.UserId))
            {
                var person = people.GetValueOrDefault(group.Key);
                var emailed = new List<Notification>();
                foreach (var notification in group)
                {
                    if (person is not { IsActive: true, Email: not null } || optedOut.Contains((group.Key, notification.Kind))) notification.LeaveOutOfEmail();
                    else emailed.Add(notification);
                }
                var key = KeyFor(group.Key, today);
                if (emailed.Count == 0 || sentToday.Contains(key)) continue;

                var message = new OutboxMessage(key, OutboxKind.Digest, group.Key, person!.Email!, Subject(emailed.Count),
                    protector.Protect(Body(root, emailed)), now, now);
                db.OutboxMessages.Add(message);
                foreach (var notification in emailed) notification.IncludeIn(message.Id);
                queued++;
            }
            await db.SaveChangesAsync(cancellationToken);
            return queued;
        }

        public static string KeyFor(Guid userId, DateOnly day) => $"digest:{userId:N}:{day:yyyy-MM-dd}";

        private static string Subject(int count) =>
            count == 1 ? "CSELearning: 1 new notification" : $"CSELearning: {count} new notifications";

        private static string Body(string root, IReadOnlyList<Notification> notifications)
        {
            var body = new StringBuilder();
            body.Append("Here is what has happened on CSELearning since your last email.\n\n");
            foreach (var notification in notifications)
                body.Append("- ").Append(notification.Text).Append('\n')
                    .Append("  ").Append(root).Append(notification.Link).Append("\n\n");
            body.Append("See all your notifications: ").Append(root).Append("/notifications\n");
            body.Append("Choose which emails you get: ").Append(root).Append("/notifications/preferences\n");
            return body.ToString();
        }
    }
}
