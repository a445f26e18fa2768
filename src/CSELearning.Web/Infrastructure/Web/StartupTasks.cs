using CSELearning.Web.Data;
using CSELearning.Web.Features.Administration.DemoData;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Before the server accepts requests: migrate the database and, in Development on an empty database,
/// create the demo partnership and accounts.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, IOptions<SiteOptions> site) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        if (environment.IsDevelopment() && site.Value.SeedDemoData)
        {
            await using var scope = services.CreateAsyncScope();
            var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider);
            var accounts = await seeder.SeedIfEmptyAsync(cancellationToken);
            if (accounts.Count > 0) DemoDataSeeder.PrintOnce(accounts, Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StartupTaskExtensions
{
    public static IHostApplicationBuilder AddStartupTasks(this IHostApplicationBuilder builder, bool migrateOnStart)
    {
        if (migrateOnStart) builder.Services.AddHostedService<StartupTasks>();
        return builder;
    }
}
