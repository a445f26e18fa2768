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
        OptionOrder = FormatOrder(OrderFor(progress.Id, check, number));
        CorrectQuestions = string.Join(';', check.Questions.Where(q => marking.CorrectQuestions.Contains(q.Id)).Select(q => q.Id));
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
    // The order each question's options were shown in ("question-id=3,1,2;..."), so the review shows what the learner
    // saw; null for attempts made before options were shuffled, which saw them as written.
    public string? OptionOrder { get; private set; }
    // The questions this attempt answered right ("question-id;question-id"), as marked against the content of the
    // time, so item analysis can count them without that content; null for attempts made before it was kept.
    public string? CorrectQuestions { get; private set; }
    public IReadOnlyList<CheckAnswer> Answers => _answers;

    public bool AnsweredRight(string questionId) =>
        (CorrectQuestions ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Contains(questionId, StringComparer.Ordinal);

    // Each question's options in the order this attempt shows them: shuffled per attempt, the same on every load and
    // device, and a new order for the next attempt.
    public static IReadOnlyDictionary<string, int[]> OrderFor(Guid progressId, KnowledgeCheck check, int number) =>
        check.Questions.ToDictionary(q => q.Id,
            q => Learning.OptionOrder.Shuffle($"{progressId:N}|{check.Id}|{number}|{q.Id}", q.Options.Select(o => o.IsPinned).ToList()),
            StringComparer.Ordinal);

    // As this attempt showed them; as written where the stored order no longer fits the check.
    public IReadOnlyDictionary<string, int[]> ShownOrder(KnowledgeCheck check)
    {
        var stored = (OptionOrder ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return check.Questions.ToDictionary(q => q.Id,
            q => Learning.OptionOrder.Parse(stored.GetValueOrDefault(q.Id), q.Options.Count) ?? Enumerable.Range(1, q.Options.Count).ToArray(),
            StringComparer.Ordinal);
    }

    private static string FormatOrder(IReadOnlyDictionary<string, int[]> order) =>
        string.Join(';', order.Select(q => $"{q.Key}={Learning.OptionOrder.Format(q.Value)}"));

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
            if (IsRight(question, chosen)) correct.Add(question.Id);
        }
        var total = check.Questions.Count;
        return new Marking(answers, correct, total, correct.Count * 100 >= passMark * total);
    }

    // Right only when exactly the correct options were chosen: no part marks for a multiple-answer question.
    public static bool IsRight(Question question, IEnumerable<int> chosen) =>
        question.Options.Select((o, i) => (o, Number: i + 1)).Where(x => x.o.IsCorrect).Select(x => x.Number).ToHashSet().SetEquals(chosen);
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
