using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

public static class MarkAllRead
{
    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var now = time.GetUtcNow().UtcDateTime;
            await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            return new Done("/notifications", "All notifications marked as read");
        }
    }
}
