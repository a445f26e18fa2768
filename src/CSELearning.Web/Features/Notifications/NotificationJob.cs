using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Notifications;

// One pass of the timed job: only the server holding the lease works; the others return at once. The lease is
// renewed before each email, so a pass longer than the lease keeps it, and released at the end.
public static class NotificationJob
{
    public const string LeaseName = "notifications";
    public const string ScanName = "reminder-scan";

    public sealed record Result(bool HeldLease, int Reminders, int Digests, int Sent, int Failed);

    public sealed class Handler(Leases leases, ReminderScan.Handler scan, Digest.Handler digest, SendOutbox.Handler outbox, IOptions<NotificationOptions> options)
    {
        public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
        {
            var duration = options.Value.LeaseDuration;
            if (!await leases.TryTakeAsync(LeaseName, duration, cancellationToken)) return new Result(false, 0, 0, 0, 0);
            try
            {
                var reminders = await leases.TryClaimRunAsync(ScanName, options.Value.ScanInterval, cancellationToken)
                    ? await scan.RunAsync(cancellationToken) : 0;
                if (!await leases.RenewAsync(LeaseName, duration, cancellationToken)) return new Result(true, reminders, 0, 0, 0);
                var digests = await digest.RunAsync(cancellationToken);
                var sent = await outbox.RunAsync(ct => leases.RenewAsync(LeaseName, duration, ct), cancellationToken);
                return new Result(true, reminders, digests, sent.Sent, sent.Failed);
            }
            finally
            {
                await leases.ReleaseAsync(LeaseName, CancellationToken.None);
            }
        }
    }
}

public sealed partial class NotificationService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationJob.Handler>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The exception's type only: a database error can quote the row it was writing.
                Failed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notifications job failed ({Error}); it runs again at the next interval")]
    private static partial void Failed(ILogger logger, string error);
}

public static class NotificationExtensions
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Emails link back to the site, and a timed job has no request to take the address from.
        var emailConfigured = builder.Configuration.GetSection(Infrastructure.Email.EmailOptions.Section).Get<Infrastructure.Email.EmailOptions>()?.IsConfigured == true;
        builder.Services.AddOptions<Infrastructure.Web.SiteOptions>()
            .Validate(site => !emailConfigured || !string.IsNullOrWhiteSpace(site.PublicBaseUrl),
                "Site:PublicBaseUrl must be set when Email:SmtpHost is set: the links in email need the site's address.")
            .ValidateOnStart();
        builder.Services.AddScoped<LeaseHolder>();
        if (builder.Configuration.GetValue(NotificationOptions.Section + ":" + nameof(NotificationOptions.Enabled), true))
            builder.Services.AddHostedService<NotificationService>();
        return builder;
    }
}
