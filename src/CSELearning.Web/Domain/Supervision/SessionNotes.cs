using System.Text.Json;
using CSELearning.Web.Domain.Reflections;

namespace CSELearning.Web.Domain.Supervision;

public enum SessionField
{
    Attendees,
    Agenda,
    Discussion,
    Wellbeing,
    Decisions,
}

public static class SessionFields
{
    public static IReadOnlyList<SessionField> All { get; } = Enum.GetValues<SessionField>();

    public static string Heading(this SessionField field) => field switch
    {
        SessionField.Attendees => "Who attended",
        SessionField.Agenda => "Agenda",
        SessionField.Discussion => "Discussion",
        SessionField.Wellbeing => "Wellbeing and support",
        SessionField.Decisions => "Decisions",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static string Hint(this SessionField field) => field switch
    {
        SessionField.Attendees => "Names and roles, for example \"Sam Patel (supervisor), Alex Jones (social worker)\".",
        SessionField.Agenda => "What you planned to cover.",
        SessionField.Discussion => "What you talked about and why. Do not identify any child or family: refer to cases as the supervisee's logs do.",
        SessionField.Wellbeing =>
            "Ask how they are. Hearing about the sexual exploitation of children can be distressing: note the effect of the work on them, "
            + "stress, sleep, anything in their own life the material touches, and the support you agreed, such as time away from a case, "
            + "peer support or the employee assistance programme. If you did not talk about it, say why.",
        SessionField.Decisions => "What you decided together. Put anything someone has to do under actions.",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    // The longest text each part takes: generous for a session's notes, small enough that a pasted
    // case file is refused rather than stored.
    public static int MaxLength(this SessionField field) => field switch
    {
        SessionField.Attendees => 500,
        SessionField.Agenda => 2_000,
        SessionField.Discussion => 10_000,
        SessionField.Wellbeing => 5_000,
        SessionField.Decisions => 5_000,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}

// Held in memory only; the database holds it encrypted (SupervisionRecord.ProtectedNotes).
public sealed record SessionNotes(string Attendees, string Agenda, string Discussion, string Wellbeing, string Decisions)
{
    public static SessionNotes Empty { get; } = new("", "", "", "", "");

    public string this[SessionField field] => field switch
    {
        SessionField.Attendees => Attendees,
        SessionField.Agenda => Agenda,
        SessionField.Discussion => Discussion,
        SessionField.Wellbeing => Wellbeing,
        SessionField.Decisions => Decisions,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in SessionFields.All)
        {
            var length = this[field].Length;
            if (length > field.MaxLength())
                problems[field.ToString()] = $"{field.Heading()} must be {field.MaxLength():N0} characters or fewer (it is {length:N0})";
            else if (TextInput.Problem(this[field], field.Heading(), TextShape.MultiLine) is { } problem)
                problems[field.ToString()] = problem;
        }
        return problems;
    }
}

// CarriedFromId: for a record not yet saved, the earlier action this row's carried-forward copy comes from.
// Description is ignored for a carried-forward action, whose wording was agreed at an earlier session.
public sealed record ActionDraft(Guid? Id, Guid? CarriedFromId, string Description, ActionOwner Owner, DateOnly? DueOn, ActionStatus Status);

public sealed record SessionDetails(DateOnly SessionDate, DateOnly? NextSessionDate, SessionNotes Notes,
    IReadOnlyList<Guid> DiscussedLogIds, IReadOnlyList<ActionDraft> Actions)
{
    // Carried-forward actions are never refused, so they do not count.
    public const int MaxActions = 50;

    // Keyed by form field name ("Actions[2].Description").
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(Notes.Problems(), StringComparer.Ordinal);
        if (NextSessionDate is { } next && next < SessionDate)
            problems["NextSessionDate"] = "The next session must be on or after the date of this one";
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (action.Id is null && action.CarriedFromId is null && string.IsNullOrWhiteSpace(action.Description))
                problems[$"Actions[{i}].Description"] = "Describe the action";
            else if (action.CarriedFromId is null && action.Description.Length > SupervisionAction.MaxDescriptionLength)
                problems[$"Actions[{i}].Description"] = $"An action must be {SupervisionAction.MaxDescriptionLength:N0} characters or fewer (it is {action.Description.Length:N0})";
            else if (action.CarriedFromId is null && TextInput.Problem(action.Description, "The action", TextShape.MultiLine) is { } problem)
                problems[$"Actions[{i}].Description"] = problem;
        }
        return problems;
    }
}

// A change made against an out-of-date version of a record: refused, and the writer's text kept for them.
public sealed class RecordConflictException(string message) : DomainException(message);

internal static class SealedNotes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Seal(SessionNotes notes, ITextProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(new Stored(notes.Attendees, notes.Agenda, notes.Discussion, notes.Wellbeing, notes.Decisions), Json));

    public static SessionNotes Open(string sealedText, ITextProtector protector)
    {
        var stored = JsonSerializer.Deserialize<Stored>(protector.Unprotect(sealedText), Json)!;
        return new SessionNotes(stored.Attendees ?? "", stored.Agenda ?? "", stored.Discussion ?? "", stored.Wellbeing ?? "", stored.Decisions ?? "");
    }

    private sealed record Stored(string? Attendees, string? Agenda, string? Discussion, string? Wellbeing, string? Decisions);
}
