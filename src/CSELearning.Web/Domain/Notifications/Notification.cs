namespace CSELearning.Web.Domain.Notifications;

// The order is the order of the preferences page; values are stored, so a new kind goes on the end.
public enum NotificationKind
{
    RefreshDueSoon = 1,
    RefreshOverdue = 2,
    RevisionRequested = 3,
    ReviewWaiting = 4,
    SignatureWaiting = 5,
    SupervisionDue = 6,
}

public enum EmailState
{
    // Waiting for the person's next daily digest.
    Pending,
    Digested,
    // The person turned this kind of email off, or has no active account: shown in the site only.
    NotEmailed,
}

// One thing that happened, for one person: shown on their notifications page and listed in their daily digest.
// It holds only what happened and where to look, never what anyone wrote. Person, kind, item and due date
// are unique, so a reminder found again by a later scan (or by another server) is never made twice.
public class Notification
{
    public const int ItemMaxLength = 100;
    public const int TextMaxLength = 300;
    public const int LinkMaxLength = 300;

    private Notification() { }

    public Notification(Guid userId, NotificationKind kind, string itemId, DateOnly dueOn, string text, string link, DateTime now)
    {
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A notification links to a path on this site.", nameof(link));
        Id = Guid.CreateVersion7();
        UserId = userId;
        Kind = kind;
        ItemId = itemId;
        DueOn = dueOn;
        Text = text;
        Link = link;
        CreatedAt = now;
        Email = EmailState.Pending;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string ItemId { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public string Text { get; private set; } = "";
    // A path on this site; emails make it absolute from the configured address.
    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }
    public EmailState Email { get; private set; }
    public Guid? DigestId { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTime now) => ReadAt ??= now;

    public void IncludeIn(Guid digestId)
    {
        Email = EmailState.Digested;
        DigestId = digestId;
    }

    public void LeaveOutOfEmail() => Email = EmailState.NotEmailed;
}

// A kind of email a person has turned off. The notification still appears on their notifications page.
public class NotificationOptOut
{
    private NotificationOptOut() { }

    public NotificationOptOut(Guid userId, NotificationKind kind)
    {
        UserId = userId;
        Kind = kind;
    }

    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
}
