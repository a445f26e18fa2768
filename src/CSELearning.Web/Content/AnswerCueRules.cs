namespace CSELearning.Web.Content;

// A check certifies what a learner knows only if its answers cannot be found without reading. These rules
// refuse the patterns a test-wise learner looks for: the right answer that is always the longest, and
// "choose all that apply" questions that always have the same number of right answers.
internal static class AnswerCueRules
{
    // The share of single-answer questions whose correct option may be the longest.
    public const double LongestCorrectLimit = 0.4;

    // The share of a scenario's decision points whose recommended choice may be the longest.
    public const double LongestRecommendedLimit = 0.5;

    // The share of multiple-answer questions that must have two or more incorrect options.
    public const double SeveralIncorrectMinimum = 1.0 / 3;

    public static void Scenario(Scenario scenario, List<ContentProblem> problems)
    {
        var decisions = scenario.Nodes
            .Where(n => n.Choices.Any(c => c.IsRecommended) && n.Choices.Any(c => !c.IsRecommended))
            .ToList();
        var cued = decisions
            .Where(n => UniquelyLongest(n.Choices, c => c.Text.Length) is { IsRecommended: true })
            .ToList();
        if (cued.Count > decisions.Count * LongestRecommendedLimit)
            problems.Add(new(scenario.SourcePath, scenario.Line,
                $"the recommended choice is the longest at {cued.Count} of the scenario's {decisions.Count} decision points ({Lines(cued.Select(n => n.Line))}), "
                + "so a learner can find it without reading: at no more than half of them, shorten the recommended choice or give another choice more detail"));
    }

    public static void Check(KnowledgeCheck check, List<ContentProblem> problems)
    {
        void Problem(string message) => problems.Add(new(check.SourcePath, check.Line, message));

        var single = check.Questions.Where(q => !q.AllowsMultipleAnswers && q.Options.Count > 1 && q.Options.Count(o => o.IsCorrect) == 1).ToList();
        var cued = single.Where(q => UniquelyLongest(q.Options, LabelLength) is { IsCorrect: true }).ToList();
        if (cued.Count > single.Count * LongestCorrectLimit)
            Problem($"the correct option is the longest in {cued.Count} of the check's {single.Count} 'Choose one' questions ({Lines(cued.Select(q => q.Line))}), "
                + $"so a learner can pass by picking the longest: it may be the longest in no more than {LongestCorrectLimit * 100:0}% of them; shorten some correct options or give wrong ones more detail");

        var multiple = check.Questions.Where(q => q.AllowsMultipleAnswers && q.Options.Count > 1).ToList();
        // One question alone sets no pattern for its count of correct options.
        if (multiple.Count > 1 && multiple.Select(q => q.Options.Count(o => o.IsCorrect)).Distinct().Count() == 1)
            Problem($"every 'Choose all that apply' question in the check has {multiple[0].Options.Count(o => o.IsCorrect)} correct options ({Lines(multiple.Select(q => q.Line))}), "
                + "so a learner can guess how many to tick: vary how many options are correct");
        var severalIncorrect = multiple.Count(q => q.Options.Count(o => !o.IsCorrect) >= 2);
        if (multiple.Count > 0 && severalIncorrect < multiple.Count * SeveralIncorrectMinimum)
            Problem($"only {severalIncorrect} of the check's {multiple.Count} 'Choose all that apply' questions have two or more incorrect options ({Lines(multiple.Select(q => q.Line))}), "
                + "so ticking nearly everything passes: give at least a third of them two or more incorrect options");
    }

    // The one item longer than every other, or null when the longest length is shared.
    private static T? UniquelyLongest<T>(IReadOnlyList<T> items, Func<T, int> length) where T : class
    {
        var longest = items.Max(length);
        var atLongest = items.Where(i => length(i) == longest).Take(2).ToList();
        return atLongest.Count == 1 ? atLongest[0] : null;
    }

    private static int LabelLength(AnswerOption option) =>
        option.Label.Blocks is [Markdig.Syntax.LeafBlock { Inline: { } inline }] ? ModuleParser.PlainText(inline).Length : 0;

    private static string Lines(IEnumerable<int> lines)
    {
        var list = lines.ToList();
        return (list.Count == 1 ? "line " : "lines ") + string.Join(", ", list);
    }
}
