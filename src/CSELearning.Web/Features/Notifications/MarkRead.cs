using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

public static class MarkRead
{
    // Someone else's notification is "not found", so ids reveal nothing.
    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
            if (notification is null) return new NotFound();
            notification.MarkRead(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new Done("/notifications", "Notification marked as read");
        }
    }
}
