using CSELearning.Web.Commands;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Notifications;
using CSELearning.Web.Features.Privacy;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Email;
using CSELearning.Web.Infrastructure.Web;

var commands = CommandRunner.From(args);
return await StartupFailures.ReportAsync(Console.Error, async () =>
{
    if (await commands.RunWithoutSiteAsync() is { } exitCode) return exitCode;

    var builder = WebApplication.CreateBuilder(commands.HostArgs);
    builder.AddEscapedConsoleLog();
    // Content first: content with problems stops start-up before anything touches the database.
    builder.AddContent();
    // Then start-up tasks: the database must be migrated before any other hosted service reads it.
    builder.AddStartupTasks(migrateOnStart: commands.ServesSite);
    builder.AddData();
    builder.AddIdentityAndPolicies();
    builder.AddEmail();
    builder.AddWebUi();
    builder.AddFeatures();
    builder.AddRetention();
    builder.AddNotifications();

    var app = builder.Build();
    app.UseCseLearning();
    if (!commands.ServesSite) return await commands.RunAsync(app.Services);

    await app.RunAsync();
    return 0;
});

/// <summary>The entry point; public so that tests can host the real application.</summary>
public partial class Program;
