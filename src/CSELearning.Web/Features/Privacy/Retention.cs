using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Privacy;

// Storage limitation (UK GDPR article 5(1)(e)). Reactivating an account before its deadline clears the closing
// date, so nothing of it goes. Each run is audited with counts only.
public static class Retention
{
    public sealed record Result(int ReflectiveLogs, int SupervisionRecords);

    public sealed record SpentNotices(int Notifications, int Emails);

    public sealed class Handler(AppDbContext db, IOptions<RetentionOptions> options, TimeProvider time)
    {
        public async Task<Result> RunAsync(CancellationToken cancellationToken)
        {
            var settings = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            var logsBefore = now.AddMonths(-settings.ClosedAccountReflectionsMonths);
            var recordsBefore = now.AddMonths(-settings.ClosedAccountSupervisionNotesMonths);

            // One unit, retried whole on PostgreSQL's transient failures: the counts audited are what was deleted.
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var logs = await PersonalRecords.DeleteLogsAsync(db, ClosedBefore(logsBefore), ct);
                var records = await PersonalRecords.DeleteSupervisionRecordsAsync(db, ClosedBefore(recordsBefore), ct);
                db.AuditEntries.Add(new AuditEntry(AuditAction.RetentionApplied, Guid.Empty, Guid.Empty, Guid.Empty, now,
                    $"Reflective logs deleted: {logs}; supervision records deleted: {records}"));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new Result(logs, records);
            }, cancellationToken);
        }

        // Not personal records under a hold (what happened is in the audit trail and the records themselves), so not audited.
        public async Task<SpentNotices> DeleteSpentNoticesAsync(CancellationToken cancellationToken)
        {
            var settings = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var readBefore = now.AddMonths(-settings.ReadNotificationMonths);
            var closed = ClosedBefore(readBefore);
            // A reminder the scan finds again while its cause lasts (an expired certificate, a log still waiting, a
            // session still overdue) would come back unread, and be emailed again, if deleted: those go only with a
            // long-closed account, which the scan passes over. The privacy notice says so. A one-off notice, or a due-soon reminder whose date has come, does not come back.
            var notifications = await db.Notifications.Where(n => closed.Contains(n.UserId)
                    || (n.ReadAt != null && n.ReadAt < readBefore
                        && (n.Kind == NotificationKind.RevisionRequested || n.Kind == NotificationKind.SignatureWaiting
                            || (n.Kind == NotificationKind.RefreshDueSoon && n.DueOn <= today))))
                .ExecuteDeleteAsync(cancellationToken);
            var sentBefore = now.AddDays(-settings.SentEmailDays);
            var emails = await db.OutboxMessages.Where(m => (m.SentAt != null && m.SentAt < sentBefore) || (m.GaveUpAt != null && m.GaveUpAt < sentBefore))
                .ExecuteDeleteAsync(cancellationToken);
            return new SpentNotices(notifications, emails);
        }

        private IQueryable<Guid> ClosedBefore(DateTime cutoff) =>
            db.Users.Where(u => !u.IsActive && u.DeactivatedAt != null && u.DeactivatedAt < cutoff).Select(u => u.Id);
    }
}

public sealed class RetentionService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestFirstWait = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RunInterval;
        try
        {
            // Not at start-up itself: the database is still being migrated and the site warmed up.
            await Task.Delay(interval < LongestFirstWait ? interval : LongestFirstWait, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Retention.Handler>().RunAsync(stoppingToken);
            // Sessions that no cookie can use any more: not personal records under a hold, so not audited.
            var absoluteTimeout = scope.ServiceProvider.GetRequiredService<IOptions<SecurityOptions>>().Value.AbsoluteTimeout;
            var sessions = await scope.ServiceProvider.GetRequiredService<SessionRecords>().DeleteFinishedAsync(absoluteTimeout, stoppingToken);
            // Text kept from forms sent after a session ended, past its week.
            var keptDrafts = await KeptDrafts.Discard.DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.GetUtcNow().UtcDateTime, stoppingToken);
            var notices = await scope.ServiceProvider.GetRequiredService<Retention.Handler>().DeleteSpentNoticesAsync(stoppingToken);
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Retention: deleted {Logs} reflective logs and {Records} supervision records of closed accounts, {Sessions} finished sessions, {KeptDrafts} expired kept drafts, {Notifications} old notifications and {Emails} sent emails",
                    result.ReflectiveLogs, result.SupervisionRecords, sessions, keptDrafts, notices.Notifications, notices.Emails);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError(ex, "Retention run failed; it will be tried again at the next run");
        }
    }
}

public static class RetentionExtensions
{
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue(RetentionOptions.Section + ":" + nameof(RetentionOptions.Enabled), true))
            builder.Services.AddHostedService<RetentionService>();
        return builder;
    }
}
