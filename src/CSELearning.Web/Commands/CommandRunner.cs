using CSELearning.Web.Data;

namespace CSELearning.Web.Commands;

/// <summary>
/// What the program does instead of serving, named by its first argument (<c>dotnet CSELearning.Web.dll migrate</c>);
/// the arguments after it are the command's own and the host's settings. Each command exits when it is done.
/// </summary>
public sealed class CommandRunner
{
    /// <summary>Brings the database schema up to date.</summary>
    public const string Migrate = "migrate";

    /// <summary>Checks the learning content, needing no database: <c>validate-content [--content &lt;dir&gt;]</c>.</summary>
    public const string ValidateContent = "validate-content";

    /// <summary>Generates a partnership of learners and two years of learning, for demonstrations and benchmarks.</summary>
    public const string GenerateData = "generate-data";

    /// <summary>Lets some of a generated partnership's learners, and a commissioner of it, sign in with a password taken from the environment.</summary>
    public const string EnableSignIn = "enable-sign-in";

    /// <summary>Copies the SQLite database to a new file while the site serves: <c>backup --to &lt;file&gt;</c>.</summary>
    public const string Backup = "backup";

    public static IReadOnlyList<string> All { get; } = [Migrate, ValidateContent, GenerateData, EnableSignIn, Backup];

    private readonly string? _command;

    private CommandRunner(string? command, string[] hostArgs)
    {
        _command = command;
        HostArgs = hostArgs;
    }

    /// <summary>The command the arguments name, if any: a first argument that is not a setting (-x, --x, Key=value).</summary>
    public static CommandRunner From(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        return new(command, command is null ? args : args[1..]);
    }

    /// <summary>The arguments without the command's name.</summary>
    public string[] HostArgs { get; }

    /// <summary>No command is named: the site serves.</summary>
    public bool ServesSite => _command is null;

    /// <summary>
    /// Runs a command that needs no site built (the content check, the backup), and refuses an unknown one with exit
    /// code 2: the exit code, or null when the site is to be built.
    /// </summary>
    public async Task<int?> RunWithoutSiteAsync()
    {
        if (_command is null) return null;
        if (!All.Contains(_command))
        {
            Console.Error.WriteLine($"Unknown command '{_command}'. Commands: {string.Join(", ", All)}.");
            return 2;
        }
        if (_command == ValidateContent) return ValidateContentCommand.Run(HostArgs, Console.Out);
        if (_command == Backup) return await BackupCommand.RunAsync(HostArgs, Console.Out, Console.Error);
        return null;
    }

    /// <summary>Runs a command that works on the site's database, once it is migrated, through the built site's services.</summary>
    public async Task<int> RunAsync(IServiceProvider services)
    {
        await DatabaseMigrator.MigrateAsync(services);
        if (_command == Migrate)
        {
            Console.WriteLine("The database schema is up to date.");
            return 0;
        }
        if (_command == GenerateData) return await GenerateDataCommand.RunAsync(services, HostArgs, Console.Out, Console.Error);
        return await EnableSignInCommand.RunAsync(services, HostArgs, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
    }
}
