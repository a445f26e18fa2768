using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Reporting;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

// At an ending, the learner's route beside the recommended one: each decision on their path, what they chose, what
// was recommended and why, and what other people chose there. Peers' shares come from the scenario report's counts
// (every partnership's learners, first time through, on versions of this major version), so the page adds up a few
// rows rather than reading anyone's decisions; a point fewer than five people have decided at shows no shares.
[FeatureService]
public sealed class RouteReview(AppDbContext db)
{
    public sealed record PeerShare(ScenarioChoice Choice, int Percent);

    // Recommended: the node's recommended choices (none where the content recommends none).
    // Peers: null where fewer than five people have decided here.
    public sealed record Decision(int Number, ScenarioNode Node, ScenarioChoice Chosen, IReadOnlyList<ScenarioChoice> Recommended,
        int? PeopleDeciding, IReadOnlyList<PeerShare>? Peers);

    // Run: what was recorded the first time this playthrough reached an ending (its score and outcome).
    public sealed record Model(IReadOnlyList<Decision> Decisions, ScenarioRun? Run, ScenarioNode? RunEnding);

    public async Task<Model> ForAsync(ContentModule module, Scenario scenario, ScenarioPosition position, CancellationToken cancellationToken)
    {
        var path = await db.ScenarioDecisions.AsNoTracking()
            .Where(d => d.ProgressId == position.ProgressId && d.ScenarioId == scenario.Id && d.Playthrough == position.Playthrough && d.WithdrawnAt == null)
            .OrderBy(d => d.Step)
            .Select(d => new { d.NodeId, d.ChoiceNumber })
            .ToListAsync(cancellationToken);
        var run = await db.ScenarioRuns.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProgressId == position.ProgressId && r.ScenarioId == scenario.Id && r.Playthrough == position.Playthrough, cancellationToken);

        var steps = path
            .Select(d => (Node: scenario.FindNode(d.NodeId), d.ChoiceNumber))
            .Where(d => d.Node is not null && d.ChoiceNumber >= 1 && d.ChoiceNumber <= d.Node.Choices.Count)
            .Select(d => (Node: d.Node!, Chosen: d.Node!.Choices[d.ChoiceNumber - 1]))
            .ToList();
        var nodeIds = steps.Select(s => s.Node.Id).Distinct().ToList();
        var moduleId = module.Id;
        var scenarioId = scenario.Id;
        var counts = (await db.ChoiceCounts.AsNoTracking()
                .Where(c => c.ModuleId == moduleId && c.ScenarioId == scenarioId && c.AgencyId == Guid.Empty && c.JobRole == "" && nodeIds.Contains(c.NodeId))
                .GroupBy(c => new { c.NodeId, c.ChoiceNumber, c.ModuleVersion })
                .Select(g => new { g.Key.NodeId, g.Key.ChoiceNumber, g.Key.ModuleVersion, People = g.Sum(c => c.People) })
                .ToListAsync(cancellationToken))
            .Where(c => ModuleVersion.TryParse(c.ModuleVersion, out var version) && version.Major == module.Version.Major)
            .GroupBy(c => (c.NodeId, c.ChoiceNumber))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.People));

        var decisions = steps.Select((step, i) =>
        {
            var deciding = counts.GetValueOrDefault((step.Node.Id, 0));
            var peers = deciding < Figure.SmallestGroup ? null
                : step.Node.Choices.Select((choice, c) =>
                    new PeerShare(choice, (int)Math.Round(100.0 * counts.GetValueOrDefault((step.Node.Id, c + 1)) / deciding, MidpointRounding.AwayFromZero))).ToList();
            return new Decision(i + 1, step.Node, step.Chosen, step.Node.Choices.Where(c => c.IsRecommended).ToList(),
                deciding < Figure.SmallestGroup ? null : deciding, peers);
        }).ToList();
        return new Model(decisions, run, run is null ? null : scenario.FindNode(run.EndingNodeId));
    }
}
