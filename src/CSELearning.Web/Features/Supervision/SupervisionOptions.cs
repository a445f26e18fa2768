using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Features.Supervision;

/// <summary>Supervision settings, bound from the "Supervision" section.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>A shared log waiting longer than this for its supervisor's review is overdue.</summary>
    [Range(1, 90, ErrorMessage = "Supervision:ReviewOverdueAfterDays must be a whole number of days from 1 to 90.")]
    public int ReviewOverdueAfterDays { get; set; } = 14;

    public TimeSpan ReviewOverdueAfter => TimeSpan.FromDays(ReviewOverdueAfterDays);
}
