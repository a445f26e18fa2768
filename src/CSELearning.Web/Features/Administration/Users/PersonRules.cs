using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Administration.Users;

// Shared by the person form and the CSV import so that both refuse the same things with the same words.
public static class PersonRules
{
    public const string NeedsAgencyMessage = "Learners, supervisors and commissioners must belong to an agency: choose one.";

    // The domain's own rule for an email address (it lives in User's constructor); null when it is acceptable.
    public static string? EmailError(string? email) =>
        InputErrors.RefusalOf(() => _ = new User(email ?? "", "Email check", JobRole.Other, DateTime.UnixEpoch));

    public static string? NameError(string? name) =>
        InputErrors.RefusalOf(() => Partnership.RequireName(name ?? "", User.DisplayNameMaxLength, User.DisplayNameLabel));

    // Every role but Administrator and Content reviewer belongs to an agency: a learner's supervisor and a
    // commissioner's figures come from it; a content reviewer's figures are about the content, from everyone.
    public static bool NeedsAgency(IEnumerable<string> roles) => roles.Any(r => r is not (Roles.Administrator or Roles.ContentReviewer));

    public static string JobRoleList => string.Join(", ", Enum.GetValues<JobRole>().Select(j => j.DisplayName()));
}
