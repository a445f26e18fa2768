using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Reflections;

// Sends the log back with the note, and with any stage comments written in the same form.
public static class RequestRevision
{
    public sealed class Handler(AppDbContext db, ITextProtector protector, SupervisorReview review)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, ReviewForm form, CancellationToken cancellationToken) =>
            review.ReviewAsync(principal, id, form, (log, supervisorId, now) =>
            {
                log.RequestRevision(supervisorId, form.RevisionNote ?? "", form.Version, protector, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.RevisionRequested, supervisorId, log.Id, log.AuthorId, now));
                db.Notifications.Add(Notifications.RevisionRequestedNotice.For(log, now));
                return true;
            }, count => "Revision requested: the author can see your note" + (count > 0 ? " and your comments" : ""),
                ReviewForm.RevisionField, cancellationToken);
    }
}
