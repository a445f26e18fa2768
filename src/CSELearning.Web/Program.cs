using CSELearning.Web;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Privacy;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Email;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

// Commands: (none) serves the site; "migrate" brings the database schema up to date and exits;
// "validate-content" checks the learning content, needing no database, and exits; "generate-data" adds a
// generated partnership (--learners, --agencies, --events, --seed) to the configured database and exits;
// "backup --to <file>" copies the SQLite database while the site serves, needing no content or key ring.
// "enable-sign-in" gives some generated learners and a commissioner the password held in an environment variable.
var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
var hostArgs = command is null ? args : args[1..];
if (command is not null && !Commands.All.Contains(command))
{
    Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", Commands.All)}.");
    return 2;
}

try
{
    if (command == Commands.ValidateContent) return ValidateContentCommand.Run(hostArgs, Console.Out);
    if (command == Commands.Backup)
    {
        var database = WebApplication.CreateBuilder(hostArgs).Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        // On PostgreSQL the command only says what to use instead, so its settings need not be complete.
        if (!database.IsPostgreSql && new DatabaseOptionsValidator().Validate(null, database) is { Failed: true } invalid)
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), invalid.Failures);
        return await BackupCommand.RunAsync(database, hostArgs, Console.Out, Console.Error);
    }

    var builder = WebApplication.CreateBuilder(hostArgs);
    builder.AddEscapedConsoleLog();
    // Content first: content with problems stops start-up before anything touches the database.
    builder.AddContent();
    // Then start-up tasks: the database must be migrated before any other hosted service reads it.
    builder.AddStartupTasks(migrateOnStart: command is null);
    builder.AddData();
    builder.AddIdentityAndPolicies();
    builder.AddEmail();
    builder.AddWebUi();
    builder.AddFeatures();
    builder.AddRetention();

    var app = builder.Build();
    app.UseCseLearning();

    if (command == Commands.Migrate)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        Console.WriteLine("The database schema is up to date.");
        return 0;
    }

    if (command == Commands.GenerateData)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        return await CSELearning.Web.Features.Administration.ScaleData.GenerateDataCommand.RunAsync(app.Services, hostArgs, Console.Out, Console.Error);
    }

    if (command == Commands.EnableSignIn)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        return await CSELearning.Web.Features.Administration.ScaleData.EnableSignInCommand.RunAsync(app.Services, hostArgs, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
    }

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException || ex is AggregateException { InnerExceptions: var inner } && inner.All(e => e is OptionsValidationException))
{
    // Several settings can be wrong at once: the start-up check reports them together, and so does this.
    var failures = ex is AggregateException all ? all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures) : ((OptionsValidationException)ex).Failures;
    Console.Error.WriteLine("CSELearning cannot start because of its configuration:");
    foreach (var failure in failures) Console.Error.WriteLine($"  {failure}");
    return 1;
}
catch (ContentValidationException ex)
{
    Console.Error.WriteLine($"CSELearning cannot start because the learning content in {ex.Directory} has problems:");
    foreach (var problem in ex.Problems) Console.Error.WriteLine($"  {problem}");
    Console.Error.WriteLine("Run 'validate-content' to check the content without starting the site.");
    return 1;
}

/// <summary>The entry point; public so that tests can host the real application.</summary>
public partial class Program;
