using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// A scenario as the learner sees it now: the feedback on the choice that brought them here, the node's
// narrative, and its choices (or, at an ending, what happened and what good practice would have been).
// Everything comes from the position held on the server; the page works without JavaScript.
public static class PlayScenario
{
    // Revision: The position's revision: every form on the page carries it back.
    // ArrivedBy: The choice that led to this node, with its feedback; null at the start.
    // Restarted: The learner's place was lost to a content change, so they are at the start again.
    // Problem: Why the last post changed nothing, shown in the error summary.
    // NoChoiceSelected: The learner pressed Continue without selecting a choice.
    // Next: Where "Continue" goes from an ending: the next section, or the completion page.
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
