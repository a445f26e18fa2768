using CSELearning.UnitTests.Content;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

/// <summary>
/// The first-pass score of a run: of the steps at nodes that recommend a choice, the share whose first decision was a
/// recommended one. The sample scenario: start → (1, recommended) good-end | (2) middle; middle → (1) bad-end.
/// </summary>
public class ScenarioRunTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private sealed class Play
    {
        private readonly ScenarioPosition _position;
        private readonly List<ScenarioDecision> _decisions = [];
        private int _minutes;

        public Play(ContentModule module)
        {
            Module = module;
            Scenario = module.SectionsOf<Scenario>().Single();
            Progress = new ModuleProgress(Guid.CreateVersion7(), module, 1, Now);
            _position = new ScenarioPosition(Progress, Scenario);
        }

        public ContentModule Module { get; }
        public Scenario Scenario { get; }
        public ModuleProgress Progress { get; }

        public Play Choose(int written)
        {
            var node = _position.CurrentNode(Scenario);
            var (decision, refusal) = _position.Choose(Scenario, Progress, "1.1.0", node.Id, node.Choices[written - 1].Key, Revision, Now.AddMinutes(++_minutes));
            Assert.Null(refusal);
            _decisions.Add(decision!);
            return this;
        }

        public Play Back()
        {
            var last = _decisions.Last(d => !d.IsWithdrawn && d.Playthrough == _position.Playthrough);
            Assert.Null(_position.GoBack(last, Progress, Revision, Now.AddMinutes(++_minutes)));
            return this;
        }

        public Play Again()
        {
            Assert.Null(_position.StartAgain(Scenario, Progress, Revision, Now.AddMinutes(++_minutes)));
            return this;
        }

        public ScenarioRun Run() =>
            new(Progress, _position, Scenario, "1.1.0", _position.CurrentNode(Scenario), _decisions, Now.AddMinutes(++_minutes));

        private string Revision => _position.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ContentModule Sample => new SampleModule().LoadValid();

    // The middle node recommends its one choice too, so a run through it has two steps to score.
    private static ContentModule WithMiddleRecommended =>
        new SampleModule().Replace("02-scenario.md", "### Choice: Carry on → bad-end", "### Recommended choice: Carry on → bad-end").LoadValid();

    [Fact]
    public void The_recommended_route_scores_one_and_records_its_ending_and_outcome()
    {
        var run = new Play(Sample).Choose(1).Run();

        Assert.Equal(("good-end", EndingOutcome.Good, 1, 1, 1m, 100), (run.EndingNodeId, run.Outcome, run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore, run.FirstPassPercent));
        Assert.Equal((1, "scenario", "sample", "1.1.0"), (run.Playthrough, run.ScenarioId, run.ModuleId, run.ModuleVersion));
    }

    [Fact]
    public void A_node_that_recommends_nothing_is_not_scored()
    {
        var run = new Play(Sample).Choose(2).Choose(1).Run();

        Assert.Equal(("bad-end", EndingOutcome.Poor, 1, 0, 0m), (run.EndingNodeId, run.Outcome, run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore));
    }

    [Fact]
    public void The_score_is_the_share_of_scored_steps_where_a_recommended_choice_came_first()
    {
        var run = new Play(WithMiddleRecommended).Choose(2).Choose(1).Run();

        Assert.Equal((2, 1, 0.5m, 50), (run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore, run.FirstPassPercent));
    }

    [Fact]
    public void Going_back_and_choosing_again_does_not_raise_the_score()
    {
        var run = new Play(Sample).Choose(2).Back().Choose(1).Run();

        Assert.Equal(("good-end", EndingOutcome.Good, 1, 0, 0m), (run.EndingNodeId, run.Outcome, run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore));
    }

    [Fact]
    public void Only_this_playthrough_counts()
    {
        var run = new Play(Sample).Choose(2).Choose(1).Again().Choose(1).Run();

        Assert.Equal((2, 1, 1, 1m), (run.Playthrough, run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore));
    }

    [Fact]
    public void A_run_with_no_node_that_recommends_a_choice_has_no_score()
    {
        var module = new SampleModule().Replace("02-scenario.md", "### Recommended choice: Go left", "### Choice: Go left").LoadValid();

        var run = new Play(module).Choose(1).Run();

        Assert.Equal((0, 0, (decimal?)null, (int?)null), (run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore, run.FirstPassPercent));
    }
}
