using System.Security.Claims;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// Taking back the latest choice, to decide again at the node it was made at.
public static class GoBack
{
    public sealed class Input
    {
        public string? Revision { get; set; }
    }

    public sealed class Handler(ScenarioSteps steps, LearnerRecords records)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken) =>
            steps.TakeAsync(principal, id, sectionId, async context =>
            {
                var last = context.Position.Steps > 0 ? await steps.LastDecisionAsync(context, cancellationToken) : null;
                return context.Position.GoBack(last, context.Progress, input.Revision, records.Now);
            }, cancellationToken);
    }
}
