using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

public static class SavePreferences
{
    public sealed class Input
    {
        // The kinds left ticked; an unknown value is ignored rather than stored.
        public List<NotificationKind> Emailed { get; set; } = [];
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Input input, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var existing = await db.NotificationOptOuts.Where(o => o.UserId == userId).ToListAsync(cancellationToken);
            foreach (var (kind, _, _) in Preferences.Kinds)
            {
                var optOut = existing.Find(o => o.Kind == kind);
                var wanted = input.Emailed.Contains(kind);
                if (wanted && optOut is not null) db.NotificationOptOuts.Remove(optOut);
                else if (!wanted && optOut is null) db.NotificationOptOuts.Add(new NotificationOptOut(userId, kind));
            }
            await db.SaveChangesAsync(cancellationToken);
            return new Done("/notifications/preferences", "Your email preferences have been saved");
        }
    }
}
