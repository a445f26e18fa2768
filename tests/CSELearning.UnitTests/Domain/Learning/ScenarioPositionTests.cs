using CSELearning.UnitTests.Content;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

/// <summary>The sample scenario: start → (1) good-end | (2) middle; middle → (1) bad-end.</summary>
public class ScenarioPositionTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);
    private readonly ContentModule _module = new SampleModule().LoadValid();
    private readonly ModuleProgress _progress;
    private readonly Scenario _scenario;
    private readonly ScenarioPosition _position;

    public ScenarioPositionTests()
    {
        _progress = new ModuleProgress(Guid.CreateVersion7(), _module, 1, Now);
        _scenario = _module.SectionsOf<Scenario>().Single();
        _position = new ScenarioPosition(_progress, _scenario);
    }

    // The key of the choice written numberth at node, as the form posts it.
    private string Key(string node, int number) => _scenario.FindNode(node)!.Choices[number - 1].Key;

    private (ScenarioDecision? Decision, ScenarioRefusal? Refusal) Choose(string node, int number, string? revision, int minutes = 1) =>
        Post(node, Key(node, number), revision, minutes);

    private (ScenarioDecision? Decision, ScenarioRefusal? Refusal) Post(string? node, string? choice, string? revision, int minutes = 1) =>
        _position.Choose(_scenario, _progress, "1.1.0", node, choice, revision, Now.AddMinutes(minutes));

    [Fact]
    public void A_new_position_is_at_the_first_node_with_nothing_chosen()
    {
        Assert.Equal(("start", 1, 0, 0), (_position.CurrentNodeId, _position.Playthrough, _position.Steps, _position.Revision));
        Assert.Null(_position.EndingReachedAt);
    }

    [Fact]
    public void A_choice_moves_to_its_target_and_records_who_where_which_and_when()
    {
        var shown = _position.ShownOrder(_scenario.Start!);
        var (decision, refusal) = Choose("start", 2, "0");

        Assert.Null(refusal);
        Assert.NotNull(decision);
        Assert.Equal(OptionOrder.Format(shown), decision.ShownOrder);
        Assert.Equal((_progress.UserId, "sample", "1.1.0", "scenario", "start", 2, "middle", 1, 1, Now.AddMinutes(1)),
            (decision.UserId, decision.ModuleId, decision.ModuleVersion, decision.ScenarioId, decision.NodeId, decision.ChoiceNumber, decision.TargetNodeId, decision.Step, decision.Playthrough, decision.MadeAt));
        Assert.Equal(("middle", 1, 1), (_position.CurrentNodeId, _position.Steps, _position.Revision));
        Assert.Null(_position.EndingReachedAt);
        Assert.Equal("scenario", _progress.LastSectionId);
    }

    [Fact]
    public void A_choice_written_to_keep_its_place_is_always_shown_there_and_the_others_move()
    {
        var module = new SampleModule().Replace("02-scenario.md", "### Choice: Go right -> middle\n\nFeedback right.\n",
            "### Choice: Go right -> middle\n\nFeedback right.\n\n### Choice: Stand still (keep in place) -> middle\n\nFeedback on standing.\n").LoadValid();
        var scenario = module.SectionsOf<Scenario>().Single();

        var orders = Enumerable.Range(0, 50)
            .Select(_ => new ScenarioPosition(new ModuleProgress(Guid.CreateVersion7(), module, 1, Now), scenario).ShownOrder(scenario.Start!))
            .ToList();

        Assert.All(orders, order => Assert.Equal(3, order[2]));
        Assert.Equal(2, orders.Select(o => o[0]).Distinct().Count());
    }

    [Fact]
    public void Reaching_an_ending_is_remembered_even_after_starting_again()
    {
        Choose("start", 1, "0");
        Assert.Equal(Now.AddMinutes(1), _position.EndingReachedAt);

        Assert.Null(_position.StartAgain(_scenario, _progress, "1", Now.AddMinutes(2)));

        Assert.Equal(("start", 2, 0, 2), (_position.CurrentNodeId, _position.Playthrough, _position.Steps, _position.Revision));
        Assert.Equal(Now.AddMinutes(1), _position.EndingReachedAt);
    }

    [Theory]
    [InlineData("elsewhere", "start:1", "0", ScenarioRefusal.UnknownNode)]
    [InlineData(null, "start:1", "0", ScenarioRefusal.UnknownNode)]
    [InlineData("middle", "middle:1", "0", ScenarioRefusal.OutOfDate)]   // a real node, but not where the learner is
    [InlineData("start", "start:1", "1", ScenarioRefusal.OutOfDate)]    // a revision from another time
    [InlineData("start", "start:1", "zero", ScenarioRefusal.OutOfDate)]
    [InlineData("start", "start:1", null, ScenarioRefusal.OutOfDate)]
    [InlineData("start", null, "0", ScenarioRefusal.NoChoice)]
    [InlineData("start", " ", "0", ScenarioRefusal.NoChoice)]
    [InlineData("start", "1", "0", ScenarioRefusal.UnknownChoice)]      // a position, not a choice
    [InlineData("start", "2", "0", ScenarioRefusal.UnknownChoice)]
    [InlineData("start", "middle:1", "0", ScenarioRefusal.UnknownChoice)] // another node's choice
    [InlineData("start", "0", "0", ScenarioRefusal.UnknownChoice)]
    [InlineData("start", "left", "0", ScenarioRefusal.UnknownChoice)]
    public void A_refused_choice_changes_nothing(string? node, string? choice, string? revision, ScenarioRefusal expected)
    {
        // "node:n" stands for the key of that node's nth written choice.
        var posted = choice?.Split(':') is [var at, var number] ? Key(at, int.Parse(number, System.Globalization.CultureInfo.InvariantCulture)) : choice;
        var (decision, refusal) = Post(node, posted, revision);

        Assert.Equal(expected, refusal);
        Assert.Null(decision);
        Assert.Equal(("start", 0, 0), (_position.CurrentNodeId, _position.Steps, _position.Revision));
        Assert.Null(_progress.LastSectionId);
        Assert.Equal(0, _progress.ActiveSeconds);
    }

    [Fact]
    public void At_an_ending_there_is_nothing_to_choose()
    {
        Choose("start", 1, "0");

        Assert.Equal(ScenarioRefusal.UnknownChoice, Post("good-end", "1", "1").Refusal);
        Assert.Equal(ScenarioRefusal.UnknownChoice, Post("good-end", null, "1").Refusal);
    }

    [Fact]
    public void Going_back_withdraws_the_latest_decision_and_returns_to_its_node()
    {
        var first = Choose("start", 2, "0").Decision!;
        var second = Choose("middle", 1, "1").Decision!;

        Assert.Null(_position.GoBack(second, _progress, "2", Now.AddMinutes(5)));

        Assert.Equal(("middle", 1, 3), (_position.CurrentNodeId, _position.Steps, _position.Revision));
        Assert.Equal(Now.AddMinutes(5), second.WithdrawnAt);
        Assert.False(first.IsWithdrawn);
    }

    [Fact]
    public void Going_back_from_the_start_or_with_an_old_revision_is_refused()
    {
        Assert.Equal(ScenarioRefusal.AtStart, _position.GoBack(null, _progress, "0", Now));
        var decision = Choose("start", 2, "0").Decision!;

        Assert.Equal(ScenarioRefusal.OutOfDate, _position.GoBack(decision, _progress, "0", Now));
        Assert.False(decision.IsWithdrawn);
        Assert.Equal("middle", _position.CurrentNodeId);
    }

    [Fact]
    public void Going_back_past_anything_but_the_latest_decision_is_a_programming_error()
    {
        var first = Choose("start", 2, "0").Decision!;
        Choose("middle", 1, "1");

        Assert.Throws<ArgumentException>(() => _position.GoBack(first, _progress, "2", Now));
    }

    [Fact]
    public void Starting_again_at_the_start_is_refused()
    {
        Assert.Equal(ScenarioRefusal.AtStart, _position.StartAgain(_scenario, _progress, "0", Now));
        Assert.Equal((1, 0), (_position.Playthrough, _position.Revision));
    }
}
