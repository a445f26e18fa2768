using CSELearning.Web.Data;

namespace CSELearning.Web.Commands;

// What the program does instead of serving, named by its first argument (dotnet CSELearning.Web.dll migrate);
// the arguments after it are the command's own and the host's settings. Each command exits when it is done.
public sealed class CommandRunner
{
    public const string Migrate = "migrate";

    public const string ValidateContent = "validate-content";

    public const string GenerateData = "generate-data";

    public const string EnableSignIn = "enable-sign-in";

    public const string Backup = "backup";

    public static IReadOnlyList<string> All { get; } = [Migrate, ValidateContent, GenerateData, EnableSignIn, Backup];

    private readonly string? _command;

    private CommandRunner(string? command, string[] hostArgs)
    {
        _command = command;
        HostArgs = hostArgs;
    }

    // The command the arguments name, if any: a first argument that is not a setting (-x, --x, Key=value).
    public static CommandRunner From(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        return new(command, command is null ? args : args[1..]);
    }

    public string[] HostArgs { get; }

    public bool ServesSite => _command is null;

    // Null when the site is to be built; an unknown command exits with code 2.
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
