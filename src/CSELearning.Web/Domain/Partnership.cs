namespace CSELearning.Web.Domain;

// A local safeguarding partnership: the body that commissions training for its agencies.
public class Partnership
{
    public const int NameMaxLength = 200;

    private readonly List<Agency> _agencies = [];

    private Partnership() { Name = ""; }

    public Partnership(string name, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        Name = RequireName(name);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyCollection<Agency> Agencies => _agencies;

    public void Rename(string name) => Name = RequireName(name);

    internal static string RequireName(string name, int max = NameMaxLength, string label = "The name")
    {
        var trimmed = TextInput.Normalise((name ?? "").Trim());
        if (trimmed.Length == 0) throw new DomainException("Enter a name.");
        if (trimmed.Length > max) throw new DomainException($"The name must be {max} characters or fewer.");
        TextInput.Require(trimmed, label, TextShape.SingleLine);
        return trimmed;
    }
}
