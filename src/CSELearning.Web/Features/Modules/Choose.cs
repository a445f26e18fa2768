using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

// Making a choice at the learner's current node; a choice that reaches an ending for the first time in this
// playthrough records the run, in the same save.
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
        // sent: the names of the fields the form sent.
        public Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, IEnumerable<string> sent, CancellationToken cancellationToken) =>
            steps.TakeAsync(principal, id, sectionId, async context =>
            {
                if (FormFields.HasUnexpected(sent, nameof(Input.Node), nameof(Input.Choice), nameof(Input.Revision))) return ScenarioRefusal.UnexpectedFields;
                var (progress, position, scenario) = (context.Progress, context.Position, context.Scenario);
                var version = context.Module.Version.ToString();
                var (decision, refusal) = position.Choose(scenario, progress, version, input.Node, input.Choice, input.Revision, records.Now);
                if (decision is null) return refusal;
                db.ScenarioDecisions.Add(decision);

                if (scenario.FindNode(decision.TargetNodeId) is { IsEnding: true } ending
                    && !await db.ScenarioRuns.AnyAsync(r => r.ProgressId == progress.Id && r.ScenarioId == scenario.Id && r.Playthrough == decision.Playthrough, cancellationToken))
                {
                    var earlier = await db.ScenarioDecisions.AsNoTracking()
                        .Where(d => d.ProgressId == progress.Id && d.ScenarioId == scenario.Id && d.Playthrough == decision.Playthrough)
                        .ToListAsync(cancellationToken);
                    db.ScenarioRuns.Add(new ScenarioRun(progress, position, scenario, version, ending, [.. earlier, decision], records.Now));
                }
                return null;
            }, cancellationToken);
    }
}
