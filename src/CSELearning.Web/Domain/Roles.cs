namespace CSELearning.Web.Domain;

// The roles a person may hold; one person may hold several.
public static class Roles
{
    public const string Learner = "Learner";
    public const string Supervisor = "Supervisor";
    public const string Commissioner = "Commissioner";
    public const string Administrator = "Administrator";
    // Reads how the knowledge checks and scenarios perform, as figures only: no names, no lists of people.
    public const string ContentReviewer = "ContentReviewer";

    public static readonly IReadOnlyList<string> All = [Learner, Supervisor, Commissioner, Administrator, ContentReviewer];

    public static string DisplayName(string role) => role == ContentReviewer ? "Content reviewer" : role;

    // Finds the canonical spelling of a role name, or of its display name ("Content reviewer"), ignoring case; null
    // when it is no role.
    public static string? Canonical(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(DisplayName(r), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
