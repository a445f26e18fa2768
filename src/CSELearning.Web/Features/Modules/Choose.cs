using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// Making a choice at the learner's current node.
public static class Choose
{
    public sealed class Input
    {
        public string? Node { get; set; }
        public string? Choice { get; set; }
        public string? Revision { get; set; }
    }

    public sealed class Handler(ScenarioSteps steps, LearnerRecords records, AppDbContext db)
    {
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken) =>
            steps.TakeAsync(principal, id, sectionId, context =>
            {
                var (decision, refusal) = context.Position.Choose(context.Scenario, context.Progress, context.Module.Version.ToString(),
                    input.Node, input.Choice, input.Revision, records.Now);
                if (decision is not null) db.ScenarioDecisions.Add(decision);
                return Task.FromResult(refusal);
            }, cancellationToken);
    }
}
