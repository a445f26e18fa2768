using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// Everything comes from the position held on the server; the page works without JavaScript.
public static class PlayScenario
{
    // Revision: every form on the page carries it back.
    // Choices: the node's, in the order this learner is shown them at this step.
    // Restarted: the learner's place was lost to a content change.
    // Review: at an ending, the learner's route beside the recommended one.
    public sealed record Model(ContentModule Module, Scenario Scenario, ScenarioNode Node, IReadOnlyList<ScenarioChoice> Choices, int Revision, int Steps, int Playthrough,
        ScenarioChoice? ArrivedBy, bool Restarted, bool EndingReached, string? Problem, bool NoChoiceSelected, Read.Link Next,
        RouteReview.Model? Review = null);

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
