using CSELearning.Web.Domain;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>Named authorization policies. Everything else falls to the fallback policy: signed in.</summary>
public static class Policies
{
    public const string Learner = "Learner";
    public const string Supervisor = "Supervisor";
    public const string Commissioner = "Commissioner";
    public const string Administrator = "Administrator";
    public const string ContentReviewer = "ContentReviewer";
    /// <summary>Partnership reporting: commissioners (their own partnership) and administrators.</summary>
    public const string Reporting = "Reporting";
    /// <summary>Item analysis: content reviewers and administrators, figures about the content and never a person.</summary>
    public const string ItemAnalysis = "ItemAnalysis";

    public static readonly IReadOnlyDictionary<string, string> RoleFor = new Dictionary<string, string>
    {
        [Learner] = Roles.Learner,
        [Supervisor] = Roles.Supervisor,
        [Commissioner] = Roles.Commissioner,
        [Administrator] = Roles.Administrator,
        [ContentReviewer] = Roles.ContentReviewer,
    };
}
