using static CSELearning.UnitTests.Content.ContentValidatorTests;

namespace CSELearning.UnitTests.Content;

/// <summary>A check or scenario whose answers can be found without reading is refused, at the file's id line.</summary>
public class AnswerCueTests
{
    private const string Scen = "modules/sample/02-scenario.md";
    private const string Check = "modules/sample/03-check.md";

    [Fact]
    public void The_recommended_choice_the_longest_at_more_than_half_of_the_decision_points() =>
        AssertProblem(new SampleModule().Replace("02-scenario.md", "Go left -> good-end", "Go left, the longer way round -> good-end"),
            Scen + ":3: the recommended choice is the longest at 1 of the scenario's 1 decision points (line 9)");

    [Fact]
    public void The_recommended_choice_the_longest_at_half_of_the_decision_points_is_allowed()
    {
        var scenario = new SampleModule()
            .Replace("02-scenario.md", "Go left -> good-end", "Go left, the longer way round -> good-end")
            .Replace("02-scenario.md", "### Choice: Carry on → bad-end", "### Recommended choice: Stop → good-end\n\nStopping.\n\n### Choice: Carry on → bad-end");

        Assert.Empty(scenario.Load().Problems);
    }

    [Fact]
    public void The_correct_option_the_longest_in_more_than_two_fifths_of_the_questions() =>
        AssertProblem(new SampleModule().Replace("03-check.md", "- [x] Right", "- [x] Right, and longer"),
            Check + ":3: the correct option is the longest in 1 of the check's 1 'Choose one' questions (line 7)");

    [Fact]
    public void A_correct_option_that_shares_the_longest_length_gives_nothing_away() =>
        Assert.Empty(new SampleModule().Replace("03-check.md", "- [x] Right", "- [x] Right!").Replace("03-check.md", "- [ ] Wrong", "- [ ] Wrong!").Load().Problems);

    private const string SecondMultiple = "\n## Choose all that apply: Which others? {#q-more}\n\nTaught in: page\n\n- [x] E\n  Yes.\n- [x] F\n  Yes.\n- [ ] G\n  No.\n- [ ] H\n  No.\n";

    [Fact]
    public void Every_multiple_answer_question_with_the_same_number_correct() =>
        AssertProblem(new SampleModule().Replace("03-check.md", "  Not D.", "  Not D.\n" + SecondMultiple),
            Check + ":3: every 'Choose all that apply' question in the check has 2 correct options (lines 17, 32)");

    [Fact]
    public void Multiple_answer_questions_with_different_numbers_correct_are_allowed() =>
        Assert.Empty(new SampleModule().Replace("03-check.md", "  Not D.", "  Not D.\n" + SecondMultiple.Replace("- [ ] G", "- [x] G", StringComparison.Ordinal)).Load().Problems);

    [Fact]
    public void Fewer_than_a_third_of_the_multiple_answer_questions_with_two_incorrect_options() =>
        AssertProblem(new SampleModule().Replace("03-check.md", "- [ ] D", "- [x] D"),
            Check + ":3: only 0 of the check's 1 'Choose all that apply' questions have two or more incorrect options (line 17)");
}
