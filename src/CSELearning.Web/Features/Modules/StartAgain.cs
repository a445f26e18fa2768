using System.Security.Claims;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// Playing the scenario again from its first node; every choice already made stays recorded.
public static class StartAgain
{
    public sealed class Input
    {
        public string? Revision { get; set; }
    }

    public sealed class Handler(ScenarioSteps steps, LearnerRecords records)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken) =>
            steps.TakeAsync(principal, id, sectionId,
                context => Task.FromResult(context.Position.StartAgain(context.Scenario, context.Progress, input.Revision, records.Now)), cancellationToken);
    }
}
