using System.Globalization;
using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

public enum ScenarioRefusal
{
    // The node posted is not in this scenario (a tampered form).
    UnknownNode,
    // The form was made for an earlier position: replayed, sent twice, or from another tab.
    OutOfDate,
    NoChoice,
    // The choice posted is not one of the current node's.
    UnknownChoice,
    AtStart,
    // The form sent fields the page never has, such as an ending or a score.
    UnexpectedFields,
}

// Held on the server so it survives a closed tab and follows the learner to another device. Revision is a
// concurrency token the forms carry back, so a replayed or doubled post changes nothing.
public class ScenarioPosition
{
    private ScenarioPosition() { }

    public ScenarioPosition(ModuleProgress progress, Scenario scenario)
    {
        ProgressId = progress.Id;
        ScenarioId = scenario.Id;
        CurrentNodeId = scenario.Start?.Id ?? throw new ArgumentException("A scenario needs a first node.", nameof(scenario));
        Playthrough = 1;
    }

    public Guid ProgressId { get; private set; }
    public string ScenarioId { get; private set; } = "";
    public string CurrentNodeId { get; private set; } = "";
    // 1 the first time through; each "start again" begins the next.
    public int Playthrough { get; private set; }
    public int Steps { get; private set; }
    public int Revision { get; private set; }
    // When the learner first reached any ending: the scenario counts as done from then on.
    public DateTime? EndingReachedAt { get; private set; }

    public ScenarioNode CurrentNode(Scenario scenario) => scenario.FindNode(CurrentNodeId) ?? scenario.Start!;

    public bool IsOnPath(Scenario scenario) => scenario.FindNode(CurrentNodeId) is not null;

    // The current node's choices as written numbers (from 1) in the order shown. Seeded by the step about to be taken,
    // so a reload, going back to it or another device shows the same order, and starting again shows a new one.
    public int[] ShownOrder(ScenarioNode node) =>
        OptionOrder.Shuffle($"scenario\n{ProgressId}\n{ScenarioId}\n{Playthrough}\n{Steps + 1}\n{node.Id}", node.Choices.Select(c => c.IsPinned).ToList());

    // The form posts the choice's key, never where it was on the page: a number, or the key of another node's choice, is refused.
    public (ScenarioDecision? Decision, ScenarioRefusal? Refusal) Choose(
        Scenario scenario, ModuleProgress progress, string moduleVersion, string? nodeId, string? choiceKey, string? revision, DateTime now)
    {
        if (progress.Id != ProgressId || scenario.Id != ScenarioId) throw new ArgumentException("The scenario or progress is not this position's.");
        if (nodeId is null || scenario.FindNode(nodeId) is null) return (null, ScenarioRefusal.UnknownNode);
        var node = CurrentNode(scenario);
        if (!IsRevision(revision) || nodeId != node.Id) return (null, ScenarioRefusal.OutOfDate);
        if (string.IsNullOrWhiteSpace(choiceKey)) return (null, node.IsEnding ? ScenarioRefusal.UnknownChoice : ScenarioRefusal.NoChoice);
        var index = node.Choices.ToList().FindIndex(c => c.Key == choiceKey);
        if (index < 0) return (null, ScenarioRefusal.UnknownChoice);

        var chosen = node.Choices[index];
        var decision = new ScenarioDecision(progress, this, moduleVersion, Steps + 1, node.Id, index + 1, OptionOrder.Format(ShownOrder(node)), chosen.Target, now);
        CurrentNodeId = chosen.Target;
        Steps++;
        Revision++;
        if (scenario.FindNode(chosen.Target) is { IsEnding: true }) EndingReachedAt ??= now;
        progress.RecordActivity(now, ScenarioId);
        return (decision, null);
    }

    public ScenarioRefusal? GoBack(ScenarioDecision? last, ModuleProgress progress, string? revision, DateTime now)
    {
        if (!IsRevision(revision)) return ScenarioRefusal.OutOfDate;
        if (Steps == 0 || last is null) return ScenarioRefusal.AtStart;
        if (last.ProgressId != ProgressId || last.ScenarioId != ScenarioId || last.Playthrough != Playthrough || last.Step != Steps || last.IsWithdrawn)
            throw new ArgumentException("That is not the latest decision on this path.", nameof(last));
        last.Withdraw(now);
        CurrentNodeId = last.NodeId;
        Steps--;
        Revision++;
        progress.RecordActivity(now, ScenarioId);
        return null;
    }

    // Begins the scenario again from its first node; the choices already made stay recorded.
    public ScenarioRefusal? StartAgain(Scenario scenario, ModuleProgress progress, string? revision, DateTime now)
    {
        if (!IsRevision(revision)) return ScenarioRefusal.OutOfDate;
        if (Steps == 0 && IsOnPath(scenario)) return ScenarioRefusal.AtStart;
        CurrentNodeId = scenario.Start!.Id;
        Playthrough++;
        Steps = 0;
        Revision++;
        progress.RecordActivity(now, ScenarioId);
        return null;
    }

    private bool IsRevision(string? revision) =>
        int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number == Revision;
}
