using System.Security.Claims;
using CSELearning.Web.Data;

namespace CSELearning.Web.Features.Modules;

/// <summary>Making a choice at the learner's current node.</summary>
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
        public async Task<PlayScenario.Result> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken)
        {
            var (early, context) = await steps.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var (decision, refusal) = context!.Position.Choose(context.Scenario, context.Progress, context.Module.Version.ToString(),
                input.Node, input.Choice, input.Revision, records.Now);
            if (decision is not null) db.ScenarioDecisions.Add(decision);
            return await steps.FinishAsync(principal, context, refusal, cancellationToken);
        }
    }
}
