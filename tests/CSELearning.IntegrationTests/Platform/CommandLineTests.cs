using System.Diagnostics;
using CSELearning.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>The application as an operator runs it: the built program, configured by environment variables.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Migrate_creates_the_schema_and_the_roles_then_exits()
    {
        var data = TempDirectory();
        var first = await RunAsync(["migrate"], Sqlite(data));
        var second = await RunAsync(["migrate"], Sqlite(data));

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("The database schema is up to date.", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "cselearning.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Name, ',') FROM (SELECT Name FROM AspNetRoles ORDER BY Name)";
        Assert.Equal("Administrator,Commissioner,ContentReviewer,Learner,Supervisor", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_works_on_postgresql()
    {
        var database = new TestPostgresDatabase();
        await database.CreateAsync();
        try
        {
            var result = await RunAsync(["migrate"], new()
            {
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = database.ConnectionString,
            });
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    [Theory]
    [InlineData("Database__Provider", "", "Database:Provider is missing")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider is 'Oracle'")]
    [InlineData("Database__DataDirectory", "", "Database:DataDirectory is missing")]
    [InlineData("Security__IdleTimeout", "00:00:05", "Security:IdleTimeout must be between")]
    [InlineData("Retention__ClosedAccountReflectionsMonths", "0", "Retention:ClosedAccountReflectionsMonths must be between 1 and 1200")]
    [InlineData("Retention__ClosedAccountSupervisionNotesMonths", "5000", "Retention:ClosedAccountSupervisionNotesMonths must be between 1 and 1200")]
    [InlineData("Retention__ReadNotificationMonths", "0", "Retention:ReadNotificationMonths must be between 1 and 1200")]
    [InlineData("Retention__SentEmailDays", "1", "Retention:SentEmailDays must be between 2 and 3650")]
    [InlineData("Email__SmtpHost", "smtp.riverside.example", "Email:From must be an email address")]
    [InlineData("Site__PublicBaseUrl", "not a url", "Site:PublicBaseUrl must be an absolute")]
    [InlineData("DataProtection__CertificatePath", "", "DataProtection:CertificatePath is not set")]
    [InlineData("DataProtection__CertificatePath", "/nowhere/key-ring.pfx", "DataProtection:CertificatePath is '/nowhere/key-ring.pfx', which does not exist")]
    [InlineData("DataProtection__CertificatePassword", "wrong", "could not be read")]
    [InlineData("AllowedHosts", "", "AllowedHosts is not set: outside Development it must name the host names")]
    [InlineData("AllowedHosts", "*", "AllowedHosts is '*': outside Development it must name the host names")]
    public async Task A_wrong_setting_stops_start_up_with_a_message_naming_it(string variable, string value, string message)
    {
        var environment = Sqlite(TempDirectory());
        environment[variable] = value;

        var result = await RunAsync([], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.Contains("cannot start because of its configuration", result.Output);
    }

    [Fact]
    public async Task Postgresql_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        var result = await RunAsync(["migrate"], new() { ["Database__Provider"] = "PostgreSql" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database:ConnectionString is missing", result.Output);
    }

    [Fact]
    public async Task Validate_content_passes_the_repository_content_without_a_database()
    {
        // No database settings at all: the command must not need one.
        var result = await RunAsync(["validate-content"], new() { ["Database__Provider"] = "" });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"^\d+ modules? and glossary\.md and support\.md and law\.md in .+content: no problems\.", result.Output.Trim());
    }

    [Fact]
    public async Task Validate_content_lists_each_problem_as_file_and_line_and_exits_1()
    {
        var content = TestContent.Write(broken: true);

        var result = await RunAsync(["validate-content", "--content", content], []);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Trim().Split('\n');
        Assert.Equal(
            [$"{TestContent.BrokenFile}:{TestContent.BrokenLine}: the citation [@nobody2020] is not in the module's references: add a reference with key: nobody2020",
             $"1 problem in {content}."],
            lines);
    }

    [Fact]
    public async Task Validate_content_on_clean_content_exits_0()
    {
        var content = TestContent.Write(broken: false);

        var result = await RunAsync(["validate-content", "--content", content], []);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal($"1 module in {content}: no problems.", result.Output.Trim());
    }

    [Fact]
    public async Task Validate_content_names_a_missing_folder()
    {
        var missing = Path.Combine(TempDirectory(), "nowhere");

        var result = await RunAsync(["validate-content", "--content", missing], []);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Content:Directory is '{missing}', which does not exist.", result.Output);
    }

    [Fact]
    public async Task Content_problems_stop_start_up_before_the_database_is_touched()
    {
        var data = TempDirectory();
        var environment = Sqlite(data);
        environment["Content__Directory"] = TestContent.Write(broken: true);

        var result = await RunAsync([], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot start because the learning content", result.Output);
        Assert.Contains($"  {TestContent.BrokenFile}:{TestContent.BrokenLine}: the citation [@nobody2020]", result.Output);
        Assert.False(File.Exists(Path.Combine(data, "cselearning.db")), "the database was created before the content was checked");
    }

    [Fact]
    public async Task Enable_sign_in_takes_the_password_from_the_named_environment_variable()
    {
        var data = TempDirectory();
        Assert.Equal(0, (await RunAsync(["generate-data", "--learners", "3", "--agencies", "1", "--events", "0", "--seed", "4"], Sqlite(data))).ExitCode);

        var without = await RunAsync(["enable-sign-in", "--seed", "4", "--learners", "2"], Sqlite(data));
        var unset = await RunAsync(["enable-sign-in", "--seed", "4", "--learners", "2", "--password-env", "CSELEARNING_BENCH_PASSWORD"], Sqlite(data));
        var environment = Sqlite(data);
        environment["CSELEARNING_BENCH_PASSWORD"] = "bench-" + Guid.NewGuid().ToString("N");
        var set = await RunAsync(["enable-sign-in", "--seed", "4", "--learners", "2", "--password-env", "CSELEARNING_BENCH_PASSWORD"], environment);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("--password-env", without.Output);
        Assert.Equal(2, unset.ExitCode);
        Assert.Contains("CSELEARNING_BENCH_PASSWORD", unset.Output);
        Assert.Equal(0, set.ExitCode);
        Assert.Contains("Sign-in enabled for learner1.seed4@generated.example to learner2.seed4@generated.example, commissioner.seed4@generated.example and reviewer.seed4@generated.example.", set.Output);
        Assert.DoesNotContain(environment["CSELEARNING_BENCH_PASSWORD"], set.Output);
    }

    [Fact]
    public async Task An_unknown_command_is_refused()
    {
        var result = await RunAsync(["frobnicate"], Sqlite(TempDirectory()));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", result.Output);
    }

    private static Dictionary<string, string> Sqlite(string directory) => new()
    {
        ["DataProtection__CertificatePath"] = TestKeyCertificate.Path,
        ["DataProtection__CertificatePassword"] = TestKeyCertificate.Password,
        ["Database__Provider"] = "Sqlite",
        ["Database__DataDirectory"] = directory,
        ["AllowedHosts"] = "learning.example.org",
    };

    private static string TempDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cselearning-cli", Guid.NewGuid().ToString("N"))).FullName;

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var application = WebApplicationBuild.Path;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = System.IO.Path.GetDirectoryName(application)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(application);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A port of its own, so a run that does start never collides with anything.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not exit within a minute:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>Finds the web application's own build output (same configuration as the tests).</summary>
internal static class WebApplicationBuild
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CSELearning.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Cannot find the repository root (CSELearning.sln).");
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = System.IO.Path.Combine(directory.FullName, "src", "CSELearning.Web", "bin", configuration, "net10.0", "CSELearning.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build the web project first: {path} is missing.");
    }
}
