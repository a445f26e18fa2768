using System.Security.Claims;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Reflections;

// "Save comments": every stage's comment in the review form, added together. Audited with the stage, never its text.
public static class Comment
{
    public sealed class Handler(SupervisorReview review)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, ReviewForm form, CancellationToken cancellationToken) =>
            review.ReviewAsync(principal, id, form.Normalised(), (_, _, _) =>
            {
                if (form.WrittenComments.Count == 0) throw new DomainException("Write a comment in the box under at least one stage.");
                return false;
            }, count => count == 1 ? "Comment added" : $"{count} comments added",
                ReviewForm.CommentField(form.WrittenComments.Count > 0 ? form.WrittenComments[0].Stage : GibbsStage.Description), cancellationToken);
    }
}
