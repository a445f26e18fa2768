using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

// All attempts are kept; a learner who does not reach the pass mark tries again as a new attempt.
public class CheckAttempt
{
    private readonly List<CheckAnswer> _answers = [];

    private CheckAttempt() { }

    private CheckAttempt(ModuleProgress progress, KnowledgeCheck check, string moduleVersion, int number, Marking marking, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ProgressId = progress.Id;
        UserId = progress.UserId;
        ModuleId = progress.ModuleId;
        ModuleVersion = moduleVersion;
        CheckId = check.Id;
        Number = number;
        CorrectCount = marking.Correct;
        QuestionCount = marking.Questions;
        ScorePercent = marking.ScorePercent;
        Passed = marking.Passed;
        SubmittedAt = now;
        foreach (var (questionId, options) in marking.Answers)
            foreach (var option in options) _answers.Add(new CheckAnswer(Id, questionId, option));
    }

    public Guid Id { get; private set; }
    public Guid ProgressId { get; private set; }
    public Guid UserId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string CheckId { get; private set; } = "";
    public int Number { get; private set; }
    public int CorrectCount { get; private set; }
    public int QuestionCount { get; private set; }
    public int ScorePercent { get; private set; }
    public bool Passed { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public IReadOnlyList<CheckAnswer> Answers => _answers;

    public static CheckAttempt Submit(ModuleProgress progress, ContentModule module, KnowledgeCheck check, int number,
        IReadOnlyDictionary<string, IReadOnlyList<int>> answers, DateTime now)
    {
        var marking = Mark(check, answers, module.PassMark);
        progress.RecordActivity(now, check.Id);
        return new CheckAttempt(progress, check, module.Version.ToString(), number, marking, now);
    }

    public sealed record Marking(IReadOnlyDictionary<string, IReadOnlyList<int>> Answers, IReadOnlySet<string> CorrectQuestions, int Questions, bool Passed)
    {
        public int Correct => CorrectQuestions.Count;
        public int ScorePercent => Questions == 0 ? 0 : Correct * 100 / Questions;
    }

    // "Choose all that apply" needs all the correct options and nothing else. The pass mark is compared
    // exactly, not after rounding.
    public static Marking Mark(KnowledgeCheck check, IReadOnlyDictionary<string, IReadOnlyList<int>> answers, int passMark)
    {
        var correct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in check.Questions)
        {
            if (!answers.TryGetValue(question.Id, out var chosen)) throw new ArgumentException($"No answer to '{question.Id}'.", nameof(answers));
            var right = question.Options.Select((o, i) => (o, i + 1)).Where(x => x.o.IsCorrect).Select(x => x.Item2).ToHashSet();
            if (right.SetEquals(chosen)) correct.Add(question.Id);
        }
        var total = check.Questions.Count;
        return new Marking(answers, correct, total, correct.Count * 100 >= passMark * total);
    }
}

// One row per option chosen, so a multiple-answer question has several.
public class CheckAnswer
{
    private CheckAnswer() { }

    internal CheckAnswer(Guid attemptId, string questionId, int optionNumber)
    {
        AttemptId = attemptId;
        QuestionId = questionId;
        OptionNumber = optionNumber;
    }

    public Guid AttemptId { get; private set; }
    public string QuestionId { get; private set; } = "";
    public int OptionNumber { get; private set; }
}
