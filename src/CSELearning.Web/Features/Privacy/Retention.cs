using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Privacy;

// Storage limitation (UK GDPR article 5(1)(e)). Reactivating an account before its deadline clears the closing
// date, so nothing of it goes. Each run is audited with counts only.
public static class Retention
{
    public sealed record Result(int ReflectiveLogs, int SupervisionRecords);

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
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Retention: deleted {Logs} reflective logs and {Records} supervision records of closed accounts, {Sessions} finished sessions and {KeptDrafts} expired kept drafts",
                    result.ReflectiveLogs, result.SupervisionRecords, sessions, keptDrafts);
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
