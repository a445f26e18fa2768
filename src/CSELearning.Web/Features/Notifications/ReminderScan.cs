using CSELearning.Web.Data;

namespace CSELearning.Web.Features.Notifications;

// The reminders found by looking rather than by an event: each rule in its own file, run together and saved
// in one transaction. Runs under the notifications lease, at most once per Notifications:ScanInterval.
public static class ReminderScan
{
    public sealed class Handler(AppDbContext db, RefreshReminders.Handler refreshes, ReviewWaitingReminders.Handler reviews,
        SupervisionDueReminders.Handler supervisions)
    {
        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var added = await refreshes.FindAsync(cancellationToken) + await reviews.FindAsync(cancellationToken)
                + await supervisions.FindAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return added;
        }
    }
}
