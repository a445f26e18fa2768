using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

public static class Preferences
{
    public sealed record Model(IReadOnlyList<Choice> Choices);

    public sealed record Choice(NotificationKind Kind, string Label, string Hint, bool Emailed);

    // Who each kind goes to, so a learner is not offered only supervisors' reminders without knowing why.
    public static IReadOnlyList<(NotificationKind Kind, string Label, string Hint)> Kinds { get; } =
    [
        (NotificationKind.RefreshDueSoon, "A refresh is due within 30 days", "When a certificate of yours is about to expire."),
        (NotificationKind.RefreshOverdue, "A refresh is overdue", "When a certificate has expired, or a module you completed has changed."),
        (NotificationKind.RevisionRequested, "A reflective log is returned for revision", "When your supervisor asks you to revise a log."),
        (NotificationKind.ReviewWaiting, "A reflective log is waiting for your review", "For supervisors: when a log shared with you has waited too long."),
        (NotificationKind.SignatureWaiting, "A supervision record is waiting for your acknowledgement", "When your supervisor has signed a record."),
        (NotificationKind.SupervisionDue, "A supervision session is due", "When a session is due within a week by the frequency you and your supervisor (or supervisee) agreed."),
    ];

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var off = await db.NotificationOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(cancellationToken);
            return new Model(Kinds.Select(k => new Choice(k.Kind, k.Label, k.Hint, !off.Contains(k.Kind))).ToList());
        }
    }
}
