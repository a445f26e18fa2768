using System.Text.Json;

namespace CSELearning.Web.Domain.Reflections;

// What one person has typed into a form about a log and not yet sent: a supervisor's stage comments and revision
// request, or the author's replies. Kept on the server as they type, so closing the tab, a failed post or
// another button on the page loses nothing; shown again in the form when the page is next opened. Each field is
// held only while it has text, all of them encrypted like the log. Version is a concurrency token: a save made
// from an out-of-date page (another tab saved meanwhile) is refused, never overwritten.
public class FormDraft
{
    public const string Review = "review";
    public const string Replies = "replies";
    public const int MaxFieldLength = ReflectionText.MaxStageLength;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private FormDraft() { }

    public FormDraft(Guid ownerId, Guid logId, string form, DateTime now)
    {
        if (form is not (Review or Replies)) throw new ArgumentOutOfRangeException(nameof(form), form, "Not a form that keeps drafts.");
        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        LogId = logId;
        Form = form;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public Guid LogId { get; private set; }
    public string Form { get; private set; } = "";
    public string ProtectedText { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyDictionary<string, string> Read(ITextProtector protector) => ProtectedText.Length == 0
        ? new Dictionary<string, string>()
        : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(ProtectedText), Json)!;

    public bool IsEmpty => ProtectedText.Length == 0;

    // The fields as they are in the form now: a blank one is dropped. Refused (and nothing kept) when a field
    // breaks the text rules, so what is kept can always be sent later.
    public void Write(IReadOnlyDictionary<string, string?> fields, int expectedVersion, ITextProtector protector, DateTime now)
    {
        if (expectedVersion != Version)
            throw new DraftConflictException("You have changed this form in another tab or window since you opened it, so these drafts were not saved.");
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var text = TextInput.Normalise(value);
            if (text.Length > MaxFieldLength) throw new DomainException($"A draft must be {MaxFieldLength:N0} characters or fewer (it is {text.Length:N0})");
            TextInput.Require(text, "The text", TextShape.MultiLine);
            kept[field] = text;
        }
        ProtectedText = kept.Count == 0 ? "" : protector.Protect(JsonSerializer.Serialize(kept, Json));
        UpdatedAt = now;
        Version++;
    }
}

public sealed class DraftConflictException(string message) : DomainException(message);
