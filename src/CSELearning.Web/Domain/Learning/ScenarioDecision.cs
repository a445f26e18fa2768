namespace CSELearning.Web.Domain.Learning;

// Kept for good, even when the learner goes back or starts again (WithdrawnAt is set), so reporting can
// say how practitioners first answered each decision point.
public class ScenarioDecision
{
    private ScenarioDecision() { }

    internal ScenarioDecision(ModuleProgress progress, ScenarioPosition position, string moduleVersion, int step,
        string nodeId, int choiceNumber, string shownOrder, string targetNodeId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ProgressId = progress.Id;
        UserId = progress.UserId;
        ModuleId = progress.ModuleId;
        ModuleVersion = moduleVersion;
        ScenarioId = position.ScenarioId;
        Playthrough = position.Playthrough;
        Step = step;
        NodeId = nodeId;
        ChoiceNumber = choiceNumber;
        ShownOrder = shownOrder;
        TargetNodeId = targetNodeId;
        MadeAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProgressId { get; private set; }
    public Guid UserId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string ScenarioId { get; private set; } = "";
    public int Playthrough { get; private set; }
    public int Step { get; private set; }
    public string NodeId { get; private set; } = "";
    // As written in the content, from 1, whatever place it was shown in.
    public int ChoiceNumber { get; private set; }
    // The written numbers in the order the learner saw them (OptionOrder.Format); null for a decision made before
    // choices were shuffled, when they were shown as written.
    public string? ShownOrder { get; private set; }
    public string TargetNodeId { get; private set; } = "";
    public DateTime MadeAt { get; private set; }
    // When the learner went back past this decision; null while it is on their path.
    public DateTime? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    internal void Withdraw(DateTime now) => WithdrawnAt ??= now;
}
