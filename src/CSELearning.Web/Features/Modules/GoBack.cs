using System.Security.Claims;

namespace CSELearning.Web.Features.Modules;

/// <summary>Taking back the latest choice, to decide again at the node it was made at.</summary>
public static class GoBack
{
    public sealed class Input
    {
        public string? Revision { get; set; }
    }

    public sealed class Handler(ScenarioSteps steps, LearnerRecords records)
    {
        public async Task<PlayScenario.Result> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken)
        {
            var (early, context) = await steps.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var last = context!.Position.Steps > 0 ? await steps.LastDecisionAsync(context, cancellationToken) : null;
            var refusal = context.Position.GoBack(last, context.Progress, input.Revision, records.Now);
            return await steps.FinishAsync(principal, context, refusal, cancellationToken);
        }
    }
}
