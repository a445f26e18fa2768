using CSELearning.UnitTests.Content;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

/// <summary>The sample check: q-one (choose one, option 1 right), q-many (options 1 and 2 right, 3 and 4 wrong).</summary>
public class CheckAttemptTests
{
    private readonly KnowledgeCheck _check = new SampleModule().LoadValid().SectionsOf<KnowledgeCheck>().Single();

    private static Dictionary<string, IReadOnlyList<int>> Answers(int[] one, int[] many) => new() { ["q-one"] = one, ["q-many"] = many };

    [Theory]
    [InlineData(new[] { 1 }, new[] { 1, 2 }, 2)]
    [InlineData(new[] { 1 }, new[] { 2, 1 }, 2)]    // order does not matter
    [InlineData(new[] { 1 }, new[] { 1 }, 1)]       // one right option missing
    [InlineData(new[] { 1 }, new[] { 1, 2, 3 }, 1)] // a wrong option as well
    [InlineData(new[] { 2 }, new[] { 1, 2 }, 1)]
    [InlineData(new[] { 2 }, new[] { 3 }, 0)]
    public void A_question_is_right_only_when_exactly_its_correct_options_are_chosen(int[] one, int[] many, int correct)
    {
        Assert.Equal(correct, CheckAttempt.Mark(_check, Answers(one, many), passMark: 50).Correct);
    }

    [Theory]
    [InlineData(50, 1, true)]
    [InlineData(51, 1, false)]   // 50% does not round up to 51%
    [InlineData(100, 1, false)]
    [InlineData(100, 2, true)]
    [InlineData(1, 0, false)]
    public void The_pass_mark_is_compared_exactly(int passMark, int correctAnswers, bool passed)
    {
        var answers = correctAnswers switch { 2 => Answers([1], [1, 2]), 1 => Answers([1], [3]), _ => Answers([2], [3]) };

        var marking = CheckAttempt.Mark(_check, answers, passMark);

        Assert.Equal(passed, marking.Passed);
        Assert.Equal(correctAnswers * 50, marking.ScorePercent);
    }

    [Fact]
    public void Marking_without_an_answer_to_every_question_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => CheckAttempt.Mark(_check, new Dictionary<string, IReadOnlyList<int>> { ["q-one"] = [1] }, 50));

    [Fact]
    public void A_submitted_attempt_keeps_every_option_chosen_and_its_result()
    {
        var module = new SampleModule().LoadValid();
        var now = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);
        var progress = new ModuleProgress(Guid.CreateVersion7(), module, 1, now);

        var attempt = CheckAttempt.Submit(progress, module, _check, 3, Answers([1], [1, 3]), now.AddMinutes(2));

        Assert.Equal((3, 1, 2, 50, false, "1.1.0", "check"), (attempt.Number, attempt.CorrectCount, attempt.QuestionCount, attempt.ScorePercent, attempt.Passed, attempt.ModuleVersion, attempt.CheckId));
        Assert.Equal([("q-many", 1), ("q-many", 3), ("q-one", 1)], attempt.Answers.Select(a => (a.QuestionId, a.OptionNumber)).Order());
        Assert.Equal("check", progress.LastSectionId);
        Assert.Equal(120, progress.ActiveSeconds);
    }
}
