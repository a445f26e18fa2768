using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

// Adds notifications a rule has found, leaving out any already made. The unique index on person, kind, item
// and due date is what finally keeps a reminder single; this check only spares the insert that would fail.
public static class NotificationSet
{
    public static async Task<int> AddNewAsync(AppDbContext db, NotificationKind kind, IReadOnlyCollection<Notification> found, CancellationToken cancellationToken)
    {
        if (found.Count == 0) return 0;
        var userIds = found.Select(n => n.UserId).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => n.Kind == kind && userIds.Contains(n.UserId))
                .Select(n => new { n.UserId, n.ItemId, n.DueOn })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.ItemId, n.DueOn)).ToHashSet();
        var added = 0;
        foreach (var notification in found)
        {
            if (!existing.Add((notification.UserId, notification.ItemId, notification.DueOn))) continue;
            db.Notifications.Add(notification);
            added++;
        }
        return added;
    }
}
