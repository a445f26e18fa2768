using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Reflections;

public static class SignOff
{
    public sealed class Input
    {
        public int Version { get; set; }

        // "I understand the log will be locked": signing off is not done without it.
        public bool Confirm { get; set; }
    }

    public const string ConfirmMessage = "Confirm that you understand signing off locks the log";

    public sealed class Handler(AppDbContext db, SupervisorReview review)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken) =>
            !input.Confirm
                ? review.RefuseAsync(principal, id, ConfirmMessage, new Open.ReviewDraft(Open.ReviewDraft.SignOff, null, ""), cancellationToken)
                : review.TakeAsync(principal, id, (log, supervisorId, now) =>
            {
                log.SignOff(supervisorId, input.Version, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.LogSignedOff, supervisorId, log.Id, log.AuthorId, now));
            }, "Log signed off: it is now locked", cancellationToken);
    }
}
