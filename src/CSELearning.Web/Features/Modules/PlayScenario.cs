using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

/// <summary>
/// A scenario as the learner sees it now: the feedback on the choice that brought them here, the node's
/// narrative, and its choices (or, at an ending, what happened and what good practice would have been).
/// Everything comes from the position held on the server; the page works without JavaScript.
/// </summary>
public static class PlayScenario
{
    /// <param name="Revision">The position's revision: every form on the page carries it back.</param>
    /// <param name="ArrivedBy">The choice that led to this node, with its feedback; null at the start.</param>
    /// <param name="Restarted">The learner's place was lost to a content change, so they are at the start again.</param>
    /// <param name="Problem">Why the last post changed nothing, shown in the error summary.</param>
    /// <param name="NoChoiceSelected">The learner pressed Continue without selecting a choice.</param>
    /// <param name="Next">Where "Continue" goes from an ending: the next section, or the completion page.</param>
    public sealed record Model(ContentModule Module, Scenario Scenario, ScenarioNode Node, int Revision, int Steps, int Playthrough,
        ScenarioChoice? ArrivedBy, bool Restarted, bool EndingReached, string? Problem, bool NoChoiceSelected, Read.Link Next);

    public sealed class Handler(ScenarioSteps steps, LearnerRecords records)
    {
        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            var (early, context) = await steps.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            await records.NoteVisitAsync(context!.Progress, context.Scenario.Id, cancellationToken);
            return new Page<Model>(await steps.ModelAsync(context, null, false, cancellationToken));
        }
    }
}
