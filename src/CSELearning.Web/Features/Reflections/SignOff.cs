using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Reflections;

// Signs the log off with any stage comments written in the same form. A revision request written but not sent is
// refused rather than dropped: the supervisor sends it or clears it first.
public static class SignOff
{
    public const string ConfirmMessage = "Confirm that you understand signing off locks the log";
    public const string ConfirmField = "confirm-sign-off";

    public sealed class Handler(AppDbContext db, SupervisorReview review)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, ReviewForm form, CancellationToken cancellationToken) =>
            review.ReviewAsync(principal, id, form, (log, supervisorId, now) =>
            {
                if (form.HasRevisionNote)
                    throw new DomainException("You have written a request for a revision. Send it with \"Request a revision\", or clear it, before signing the log off.");
                if (!form.Confirm) throw new DomainException(ConfirmMessage);
                log.SignOff(supervisorId, form.Version, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.LogSignedOff, supervisorId, log.Id, log.AuthorId, now));
                return false;
            }, count => "Log signed off: it is now locked" + (count > 0 ? ", with your comments" : ""),
                form.HasRevisionNote ? ReviewForm.RevisionField : !form.Confirm ? ConfirmField : null, cancellationToken);
    }
}
