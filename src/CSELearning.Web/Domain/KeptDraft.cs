namespace CSELearning.Web.Domain;

// What a person typed into a form that arrived after their session had ended: kept for them alone, encrypted, until
// they read it, discard it or it expires. Fields holds the form's text fields as protected JSON; Path is the address
// the form was sent to, and FormPage the page it was on when that is known.
public class KeptDraft
{
    public const int MaxPathLength = 400;

    private KeptDraft() { }

    public KeptDraft(Guid userId, string path, string? formPage, string protectedFields, DateTime now, DateTime expiresAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Path = path;
        FormPage = formPage;
        ProtectedFields = protectedFields;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Path { get; private set; } = "";
    public string? FormPage { get; private set; }
    public string ProtectedFields { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
}
