using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Features.Privacy;

// How long a closed (deactivated) account's most sensitive records are kept, bound from the "Retention" section.
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    // Whether the retention job runs; turn it off only while a legal hold (an inquiry, a claim) needs everything kept.
    public bool Enabled { get; set; } = true;

    // Months after an account is closed until its reflective logs (with comments and review notes) are deleted.
    [Range(1, 1200, ErrorMessage = "Retention:ClosedAccountReflectionsMonths must be between 1 and 1200.")]
    public int ClosedAccountReflectionsMonths { get; set; } = 12;

    // Months after an account is closed until the records of that person's supervision are deleted.
    [Range(1, 1200, ErrorMessage = "Retention:ClosedAccountSupervisionNotesMonths must be between 1 and 1200.")]
    public int ClosedAccountSupervisionNotesMonths { get; set; } = 72;

    // How often the job runs; its first run is this long after start-up, or ten minutes if sooner.
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Retention:RunInterval must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan RunInterval { get; set; } = TimeSpan.FromDays(1);
}
