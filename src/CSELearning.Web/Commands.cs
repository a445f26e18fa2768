namespace CSELearning.Web;

/// <summary>
/// Commands the application runs instead of serving: <c>dotnet CSELearning.Web.dll migrate</c> and
/// <c>dotnet CSELearning.Web.dll validate-content [--content &lt;dir&gt;]</c>.
/// </summary>
public static class Commands
{
    public const string Migrate = "migrate";
    public const string ValidateContent = "validate-content";
    /// <summary>Generates a partnership of learners and two years of learning, for demonstrations and benchmarks.</summary>
    public const string GenerateData = "generate-data";
    /// <summary>Lets some of a generated partnership's learners, and a commissioner of it, sign in with a password taken from the environment.</summary>
    public const string EnableSignIn = "enable-sign-in";

    /// <summary>Copies the SQLite database to a new file while the site serves: <c>backup --to &lt;file&gt;</c>.</summary>
    public const string Backup = "backup";

    public static IReadOnlyList<string> All { get; } = [Migrate, ValidateContent, GenerateData, EnableSignIn, Backup];
}
