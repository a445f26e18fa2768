namespace CSELearning.Web.Domain.Reflections;

public enum GibbsStage
{
    Description,
    Feelings,
    Evaluation,
    Analysis,
    Conclusion,
    ActionPlan,
}

public static class GibbsStages
{
    public static IReadOnlyList<GibbsStage> All { get; } = Enum.GetValues<GibbsStage>();

    public static string Heading(this GibbsStage stage) => stage switch
    {
        GibbsStage.Description => "Description",
        GibbsStage.Feelings => "Feelings",
        GibbsStage.Evaluation => "Evaluation",
        GibbsStage.Analysis => "Analysis",
        GibbsStage.Conclusion => "Conclusion",
        GibbsStage.ActionPlan => "Action plan",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string Question(this GibbsStage stage) => stage switch
    {
        GibbsStage.Description => "What happened? Describe the situation or the learning, without identifying any child or family.",
        GibbsStage.Feelings => "What were you thinking and feeling, then and now?",
        GibbsStage.Evaluation => "What was good and what was difficult about it?",
        GibbsStage.Analysis => "What sense can you make of it? What does the research or your training say?",
        GibbsStage.Conclusion => "What else could you have done? What have you learned?",
        GibbsStage.ActionPlan => "What will you do differently next time, and what support do you need?",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    // The stage's name in forms and addresses: "description", "action-plan".
    public static string Key(this GibbsStage stage) => stage == GibbsStage.ActionPlan ? "action-plan" : stage.ToString().ToLowerInvariant();

    public static bool TryParseKey(string? key, out GibbsStage stage)
    {
        foreach (var candidate in All)
        {
            if (candidate.Key() == key)
            {
                stage = candidate;
                return true;
            }
        }
        stage = default;
        return false;
    }
}

// Held in memory only; the database holds it encrypted (ReflectiveLog.ProtectedText).
public sealed record ReflectionText(string Title, IReadOnlyDictionary<GibbsStage, string> Stages)
{
    public const int MaxTitleLength = 200;

    // About 1,500 words: far more than a reflection needs, small enough that a pasted document is refused.
    public const int MaxStageLength = 10_000;

    public static ReflectionText Empty { get; } = new("", new Dictionary<GibbsStage, string>());

    public string Stage(GibbsStage stage) => Stages.GetValueOrDefault(stage) ?? "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && GibbsStages.All.All(s => string.IsNullOrWhiteSpace(Stage(s)));

    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Title.Length > MaxTitleLength)
            problems["title"] = $"The title must be {MaxTitleLength} characters or fewer (it is {Title.Length})";
        else if (TextInput.Problem(Title, "The title", TextShape.SingleLine) is { } titleProblem)
            problems["title"] = titleProblem;
        foreach (var stage in GibbsStages.All)
        {
            var length = Stage(stage).Length;
            if (length > MaxStageLength)
                problems[stage.Key()] = $"{stage.Heading()} must be {MaxStageLength:N0} characters or fewer (it is {length:N0}): shorten it, or split the reflection into two logs";
            else if (TextInput.Problem(Stage(stage), stage.Heading(), TextShape.MultiLine) is { } problem)
                problems[stage.Key()] = problem;
        }
        return problems;
    }
}

// Encrypts reflective text for storage and decrypts it for its readers (ASP.NET Core Data Protection).
public interface ITextProtector
{
    string Protect(string plaintext);
    string Unprotect(string protectedText);
}
