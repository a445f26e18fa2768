using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;

namespace CSELearning.Web.Features.Notifications;

// To the author of a reflective log their supervisor has returned for revision (or reopened after signing
// off). Added with the change itself, so it is saved in the same transaction, and keyed to the log's version,
// so each return is its own notification. Says only that it happened: never the note or the log.
public static class RevisionRequestedNotice
{
    public static Notification For(ReflectiveLog log, DateTime now) =>
        new(log.AuthorId, NotificationKind.RevisionRequested, $"{log.Id:D}/{log.Version}", DateOnly.FromDateTime(now),
            "Your supervisor returned one of your reflective logs for revision.", $"/reflections/{log.Id:D}", now);
}
