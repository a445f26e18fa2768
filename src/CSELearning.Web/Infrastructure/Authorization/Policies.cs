using CSELearning.Web.Domain;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>Named authorization policies. Everything else falls to the fallback policy: signed in.</summary>
public static class Policies
{
    public const string Learner = "Learner";
    public const string Supervisor = "Supervisor";
    public const string Commissioner = "Commissioner";
    public const string Administrator = "Administrator";
    /// <summary>Commissioners (for their own partnership) and administrators (for any): ZIPs of certificates.</summary>
    public const string CertificateDownloads = "CertificateDownloads";

    public static readonly IReadOnlyDictionary<string, string> RoleFor = new Dictionary<string, string>
    {
        [Learner] = Roles.Learner,
        [Supervisor] = Roles.Supervisor,
        [Commissioner] = Roles.Commissioner,
        [Administrator] = Roles.Administrator,
    };
}
