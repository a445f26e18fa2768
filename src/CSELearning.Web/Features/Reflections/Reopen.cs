using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Reflections;

public static class Reopen
{
    public sealed class Input
    {
        public int Version { get; set; }
        public string? Text { get; set; }
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, SupervisorReview review)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken) =>
            review.TakeAsync(principal, id, (log, supervisorId, now) =>
            {
                log.Reopen(supervisorId, input.Text ?? "", input.Version, protector, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.LogReopened, supervisorId, log.Id, log.AuthorId, now));
                db.Notifications.Add(Notifications.RevisionRequestedNotice.For(log, now));
            }, "Log reopened: the author can change it again", cancellationToken, new Open.ReviewDraft(Open.ReviewDraft.Reopen, null, input.Text ?? ""));
    }
}
