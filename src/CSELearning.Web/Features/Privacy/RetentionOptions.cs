using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Features.Privacy;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    // Whether the retention job runs; turn it off only while a legal hold (an inquiry, a claim) needs everything kept.
    public bool Enabled { get; set; } = true;

    [Range(1, 1200, ErrorMessage = "Retention:ClosedAccountReflectionsMonths must be between 1 and 1200.")]
    public int ClosedAccountReflectionsMonths { get; set; } = 12;

    [Range(1, 1200, ErrorMessage = "Retention:ClosedAccountSupervisionNotesMonths must be between 1 and 1200.")]
    public int ClosedAccountSupervisionNotesMonths { get; set; } = 72;

    // A read notification has done its work; a closed account's are of no use to anyone after this long either.
    [Range(1, 1200, ErrorMessage = "Retention:ReadNotificationMonths must be between 1 and 1200.")]
    public int ReadNotificationMonths { get; set; } = 12;

    // A sent or abandoned email's row keeps the address it went to. At least two days, as the outbox's key for
    // today's digest is what stops a second digest being queued the same day.
    [Range(2, 3650, ErrorMessage = "Retention:SentEmailDays must be between 2 and 3650.")]
    public int SentEmailDays { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Retention:RunInterval must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan RunInterval { get; set; } = TimeSpan.FromDays(1);
}
