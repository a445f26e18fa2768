using System.Security.Claims;

namespace CSELearning.Web.Features.Modules;

/// <summary>Playing the scenario again from its first node; every choice already made stays recorded.</summary>
public static class StartAgain
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
            var refusal = context!.Position.StartAgain(context.Scenario, context.Progress, input.Revision, records.Now);
            return await steps.FinishAsync(principal, context, refusal, cancellationToken);
        }
    }
}
