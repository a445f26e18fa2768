using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

public static class Index
{
    public const int Shown = 100;

    public sealed record Model(IReadOnlyList<Row> Notifications, int Unread);

    public sealed record Row(Guid Id, string Text, string Link, DateTime CreatedAt, bool IsRead);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Take(Shown)
                .Select(n => new Row(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
                .ToListAsync(cancellationToken);
            return new Model(rows, await UnreadNotifications.CountAsync(db, userId, cancellationToken));
        }
    }
}

// The number in the navigation, counted on every page a signed-in person sees; the index makes it cheap.
[Infrastructure.Web.FeatureService]
public sealed class UnreadNotifications(AppDbContext db)
{
    public Task<int> CountAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        CountAsync(db, principal.UserId(), cancellationToken);

    public static Task<int> CountAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
}
