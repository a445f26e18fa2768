using CSELearning.Web.Data;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Before the server accepts requests: migrate the database and, in Development on an empty database,
/// create the demo partnership and accounts.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, IOptions<SiteOptions> site) : IHostedLifecycleService
{
    private Task _model = Task.CompletedTask;

    /// <summary>
    /// Builds the database model alongside the content check: it reads the entity classes only, never the
    /// database, so content with problems still stops start-up before anything touches the database.
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _model = Task.Run(() =>
        {
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _model;
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        if (environment.IsDevelopment() && site.Value.SeedDemoData)
        {
            await using var scope = services.CreateAsyncScope();
            var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider);
            var accounts = await seeder.SeedIfEmptyAsync(cancellationToken);
            if (accounts.Count > 0) DemoDataSeeder.PrintOnce(accounts, Console.Out);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StartupTaskExtensions
{
    public static IHostApplicationBuilder AddStartupTasks(this IHostApplicationBuilder builder, bool migrateOnStart)
    {
        if (migrateOnStart) builder.Services.AddHostedService<StartupTasks>();
        return builder;
    }
}
