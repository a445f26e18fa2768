namespace CSELearning.Web;

/// <summary>Commands the application runs instead of serving: <c>dotnet CSELearning.Web.dll migrate</c>.</summary>
public static class Commands
{
    public const string Migrate = "migrate";
}
