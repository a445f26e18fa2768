using CSELearning.Web.Features.Reporting.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Data;

public static class DataExtensions
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();

        // The factory also registers the context for each request; it is there for the few reports that read
        // several independent sets of figures at once, each on a context and connection of its own.
        builder.Services.AddSingleton<AuditTrailInterceptor>();
        builder.Services.AddSingleton<ReportTablesInterceptor>();
        builder.Services.AddSingleton<ReportSourceWriteGuard>();
        builder.Services.AddDbContextFactory<AppDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            // Every save: the audit trail stays append-only, and the reporting tables move with what they count.
            options.AddInterceptors(services.GetRequiredService<AuditTrailInterceptor>(),
                services.GetRequiredService<ReportTablesInterceptor>(), services.GetRequiredService<ReportSourceWriteGuard>());
            if (database.IsSqlite)
            {
                options.UseSqlite(database.SqliteConnectionString)
                    .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMilliseconds));
            }
            else
            {
                options.UseNpgsql(database.ConnectionString, npgsql => npgsql.EnableRetryOnFailure());
            }
        });

        builder.AddDatabaseDataProtection();
        builder.Services.AddHostedService<SqliteWalCheckpointerHost>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [HealthTags.Ready])
            .AddCheck<SqliteWalHealthCheck>("sqlite-wal", tags: [HealthTags.Ready]);
        return builder;
    }
}

public static class HealthTags
{
    public const string Ready = "ready";
}

internal sealed class SqliteWalCheckpointerHost(IServiceProvider services, IOptions<DatabaseOptions> options) : IHostedService
{
    private SqliteWalCheckpointer? _checkpointer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsSqlite) return Task.CompletedTask;
        _checkpointer = ActivatorUtilities.CreateInstance<SqliteWalCheckpointer>(services);
        return _checkpointer.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        _checkpointer?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}

// Reports the size of SQLite's write-ahead log, and degrades when it is far larger than it should be.
internal sealed class SqliteWalHealthCheck(IOptions<DatabaseOptions> options) : IHealthCheck
{
    public const long DegradedAboveBytes = 64L * 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var database = options.Value;
        if (!database.IsSqlite)
            return Task.FromResult(HealthCheckResult.Healthy("Not on SQLite: no write-ahead log to report."));
        var bytes = SqliteWalCheckpointer.WalSizeBytes(database);
        var data = new Dictionary<string, object> { ["walSizeBytes"] = bytes };
        return Task.FromResult(bytes > DegradedAboveBytes
            ? HealthCheckResult.Degraded("The write-ahead log is larger than expected.", data: data)
            : HealthCheckResult.Healthy("The write-ahead log is within bounds.", data));
    }
}
