using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CSELearning.Web.Features.Administration;

// The fixed lists that administration forms offer, valued by identifier and shown by display name.
public static class Choices
{
    public static IReadOnlyList<SelectListItem> Sectors { get; } = Of<AgencySector>();

    public static IReadOnlyList<SelectListItem> JobRoles { get; } = Of<JobRole>();

    private static List<SelectListItem> Of<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(v.DisplayName(), v.ToString())).ToList();
}

// The Active / Inactive radios of the agency and team forms.
public sealed record ActiveRadios(string Name, bool? Value, string Hint);
