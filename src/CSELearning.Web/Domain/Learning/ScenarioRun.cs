using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

// One time through a scenario (a playthrough), recorded when it first reaches an ending: where it ended, how that
// turned out, and its first-pass score. Recorded once: going back from the ending and choosing again changes nothing
// here, so a learner who needs a better ending plays the scenario again.
public class ScenarioRun
{
    private ScenarioRun() { }

    public ScenarioRun(ModuleProgress progress, ScenarioPosition position, Scenario scenario, string moduleVersion, ScenarioNode ending,
        IEnumerable<ScenarioDecision> decisions, DateTime now)
    {
        if (progress.Id != position.ProgressId || scenario.Id != position.ScenarioId) throw new ArgumentException("The scenario or progress is not this position's.");
        if (ending.Outcome is not { } outcome) throw new ArgumentException("A run ends at an ending with an outcome.", nameof(ending));
        Id = Guid.CreateVersion7();
        ProgressId = progress.Id;
        UserId = progress.UserId;
        ModuleId = progress.ModuleId;
        ModuleVersion = moduleVersion;
        ScenarioId = scenario.Id;
        Playthrough = position.Playthrough;
        EndingNodeId = ending.Id;
        Outcome = outcome;
        (ScoredDecisions, RecommendedDecisions) = FirstPass(scenario, decisions.Where(d => d.ProgressId == progress.Id && d.ScenarioId == scenario.Id && d.Playthrough == Playthrough));
        EndedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProgressId { get; private set; }
    public Guid UserId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string ScenarioId { get; private set; } = "";
    public int Playthrough { get; private set; }
    public string EndingNodeId { get; private set; } = "";
    public EndingOutcome Outcome { get; private set; }
    // The steps whose first decision was at a node with a recommended choice, and of those, how many chose one.
    public int ScoredDecisions { get; private set; }
    public int RecommendedDecisions { get; private set; }
    public DateTime EndedAt { get; private set; }

    // From 0 to 1; none for a run with nothing to score (no node on it recommends a choice).
    public decimal? FirstPassScore => ScoredDecisions == 0 ? null : Math.Round((decimal)RecommendedDecisions / ScoredDecisions, 4);

    // As a whole percentage rounded down, as the check's scores are.
    public int? FirstPassPercent => ScoredDecisions == 0 ? null : RecommendedDecisions * 100 / ScoredDecisions;

    // Only the first decision made at each step counts, even if the learner went back and chose again, so going back
    // to put a choice right does not raise the score; and only at nodes that recommend a choice, as elsewhere there is
    // nothing to miss.
    public static (int Scored, int Recommended) FirstPass(Scenario scenario, IEnumerable<ScenarioDecision> playthrough)
    {
        var firsts = playthrough.GroupBy(d => d.Step).Select(g => g.OrderBy(d => d.MadeAt).ThenBy(d => d.Id).First());
        var scored = 0;
        var recommended = 0;
        foreach (var decision in firsts)
        {
            if (scenario.FindNode(decision.NodeId) is not { } node || !node.Choices.Any(c => c.IsRecommended)) continue;
            scored++;
            if (decision.ChoiceNumber >= 1 && decision.ChoiceNumber <= node.Choices.Count && node.Choices[decision.ChoiceNumber - 1].IsRecommended)
                recommended++;
        }
        return (scored, recommended);
    }
}
