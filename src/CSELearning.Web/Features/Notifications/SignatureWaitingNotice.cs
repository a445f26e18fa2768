using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Notifications;

// To the supervisee, once the supervisor has signed a supervision record: it waits for their acknowledgement.
// A record is signed by the supervisor first and only once, so the supervisee is the only "other person" who
// is ever waited on, and one record makes one notification. Saved with the signature.
public static class SignatureWaitingNotice
{
    public static Notification For(SupervisionRecord record, DateTime now) =>
        new(record.SuperviseeId, NotificationKind.SignatureWaiting, record.Id.ToString("D"), record.SessionDate,
            $"Your supervisor signed the record of your supervision on {Dates.Day(record.SessionDate)}: it is waiting for your acknowledgement.",
            $"/supervision/records/{record.Id:D}", now);
}
