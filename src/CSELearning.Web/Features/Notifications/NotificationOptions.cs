using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Features.Notifications;

/// <summary>Reminders and the email outbox, bound from the "Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    // Whether this server runs the timed job at all; the lease keeps it to one server at a time either way.
    public bool Enabled { get; set; } = true;

    [Range(0, 23, ErrorMessage = "Notifications:DigestHourUtc must be between 0 and 23.")]
    public int DigestHourUtc { get; set; } = 7;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Notifications:PollInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Notifications:ScanInterval must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Notifications:LeaseDuration must be between 00:00:10 and 01:00:00.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
}
