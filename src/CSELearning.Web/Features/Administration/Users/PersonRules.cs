using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Administration.Users;

/// <summary>
/// The checks on a person's details that need no database, shared by the person form and the CSV import so
/// that both refuse the same things with the same words.
/// </summary>
public static class PersonRules
{
    public const string NeedsAgencyMessage = "Learners, supervisors and commissioners must belong to an agency: choose one.";

    /// <summary>The domain's own rule for an email address (it lives in User's constructor); null when it is acceptable.</summary>
    public static string? EmailError(string? email) =>
        InputErrors.RefusalOf(() => _ = new User(email ?? "", "Email check", JobRole.Other, DateTime.UnixEpoch));

    /// <summary>The domain's own rule for a person's name; null when it is acceptable.</summary>
    public static string? NameError(string? name) =>
        InputErrors.RefusalOf(() => Partnership.RequireName(name ?? "", User.DisplayNameMaxLength));

    /// <summary>Every role but Administrator belongs to an agency: a learner's supervisor and a commissioner's figures come from it.</summary>
    public static bool NeedsAgency(IEnumerable<string> roles) => roles.Any(r => r != Roles.Administrator);

    public static string JobRoleList => string.Join(", ", Enum.GetValues<JobRole>().Select(j => j.DisplayName()));
}
