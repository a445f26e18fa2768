using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Reflections;

// Audited with the stage, never its text.
public static class Comment
{
    public sealed class Input
    {
        public string? Stage { get; set; }
        public string? Text { get; set; }
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, SupervisorReview review)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken) =>
            review.TakeAsync(principal, id, (log, supervisorId, now) =>
            {
                if (!GibbsStages.TryParseKey(input.Stage, out var stage)) throw new DomainException("Choose the stage your comment is about.");
                db.ReviewComments.Add(new ReviewComment(log, supervisorId, stage, input.Text ?? "", protector, now));
                db.AuditEntries.Add(new AuditEntry(AuditAction.CommentAdded, supervisorId, log.Id, log.AuthorId, now, stage.Heading()));
            }, "Comment added", cancellationToken, new Open.ReviewDraft(Open.ReviewDraft.Comment, input.Stage, input.Text ?? ""));
    }
}
