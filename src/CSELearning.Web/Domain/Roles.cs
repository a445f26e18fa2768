namespace CSELearning.Web.Domain;

// The four roles a person may hold; one person may hold several.
public static class Roles
{
    public const string Learner = "Learner";
    public const string Supervisor = "Supervisor";
    public const string Commissioner = "Commissioner";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Learner, Supervisor, Commissioner, Administrator];

    // Finds the canonical spelling of a role name, ignoring case; null when it is no role.
    public static string? Canonical(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
