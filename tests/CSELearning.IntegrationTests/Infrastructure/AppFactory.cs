using CSELearning.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>
/// The real application on a real database. Each test class gets its own application and database;
/// each test starts from an empty database with the reference data (roles) in place.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        // Generous enough that ordinary tests never meet it; the rate-limit test sets its own.
        ["Security:SignInAttemptsPerWindow"] = "10000",
        // Outside Development the key ring must be protected by a certificate, as in production.
        ["DataProtection:CertificatePath"] = TestKeyCertificate.Path,
        ["DataProtection:CertificatePassword"] = TestKeyCertificate.Password,
        // Tests run retention themselves, on the test clock; the timed job must not delete or audit behind their back.
        ["Retention:Enabled"] = "false",
        // The test server's browser asks for https://localhost.
        ["AllowedHosts"] = "localhost",
        // Tests run the notifications job themselves; links in email are made from the site's address.
        ["Notifications:Enabled"] = "false",
        ["Notifications:ScanInterval"] = "00:00:00",
        ["Notifications:DigestHourUtc"] = "0",
        ["Site:PublicBaseUrl"] = "https://localhost",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:EnableSsl"] = "false",
        ["Email:From"] = SmtpCatcher.From,
    };

    /// <summary>The SMTP server this application sends its email to.</summary>
    public SmtpCatcher Email { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();
    public TestClock Clock { get; } = new();

    public abstract string Provider { get; }

    /// <summary>Overrides a setting for this factory; call before the first request.</summary>
    public AppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected abstract void ConfigureDatabase(IDictionary<string, string?> settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>(_settings);
        settings["Email:SmtpPort"] = Email.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ConfigureDatabase(settings);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>();
        });
    }

    public async Task ResetAsync()
    {
        _ = Server; // start the application (and so migrate) if it has not started
        Email.Clear();
        Logs.Clear();
        Clock.Reset();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .Where(t => t is not null && t != "DataProtectionKeys")
            .Distinct()
            .ToList();
        await ClearTablesAsync(db, tables!);
        await ReferenceData.EnsureAsync(db, CancellationToken.None);
    }

    protected abstract Task ClearTablesAsync(AppDbContext db, IReadOnlyList<string> tables);

    /// <summary>
    /// Everything the database holds, as it holds it: the SQLite files byte for byte, or every row of every
    /// table as PostgreSQL renders it. For tests that text said to be encrypted is not stored readable.
    /// </summary>
    public abstract Task<string> RawStoredTextAsync();

    protected IReadOnlyList<string> Tables()
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.GetEntityTypes()
            .Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeDatabaseAsync();

    protected abstract Task DisposeDatabaseAsync();
}

public class SqliteAppFactory : AppFactory
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cselearning-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => DatabaseOptions.Sqlite;
    public string DataDirectory => _directory;

    protected override void ConfigureDatabase(IDictionary<string, string?> settings)
    {
        settings["Database:Provider"] = DatabaseOptions.Sqlite;
        settings["Database:DataDirectory"] = _directory;
    }

    protected override async Task ClearTablesAsync(AppDbContext db, IReadOnlyList<string> tables)
    {
        await db.Database.OpenConnectionAsync();
        // The reporting tables are emptied with the tables they count, so there is nothing to rebuild.
        using var writingAround = CSELearning.Web.Features.Reporting.Tables.ReportTables.WritingAround();
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            // Table names come from the model, never from input.
            foreach (var table in tables)
            {
                var delete = "DELETE FROM \"" + table + "\";";
                await db.Database.ExecuteSqlRawAsync(delete);
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public override async Task<string> RawStoredTextAsync()
    {
        // Every byte on disk: the database file and its write-ahead log, read as text.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    protected override Task DisposeDatabaseAsync()
    {
        Dispose();
        Email.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

public class PostgresAppFactory : AppFactory
{
    private readonly TestPostgresDatabase _database = new();

    public override string Provider => DatabaseOptions.PostgreSql;
    public string ConnectionString => _database.ConnectionString;

    public override Task InitializeAsync() => _database.CreateAsync();

    protected override void ConfigureDatabase(IDictionary<string, string?> settings)
    {
        settings["Database:Provider"] = DatabaseOptions.PostgreSql;
        settings["Database:ConnectionString"] = _database.ConnectionString;
    }

    protected override async Task ClearTablesAsync(AppDbContext db, IReadOnlyList<string> tables)
    {
        var truncate = "TRUNCATE TABLE " + string.Join(", ", tables.Select(t => "\"" + t + "\"")) + " RESTART IDENTITY CASCADE;";
        using var writingAround = CSELearning.Web.Features.Reporting.Tables.ReportTables.WritingAround();
        await db.Database.ExecuteSqlRawAsync(truncate);
    }

    public override async Task<string> RawStoredTextAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        // Table names come from the model, never from input.
        foreach (var table in Tables())
        {
            await using var command = new Npgsql.NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        return text.ToString();
    }

    /// <summary>
    /// Stops the site and drops its database. Clearing up a scratch database is not what any test proves, so
    /// a failure here is printed in full (and the database left for <c>scripts/test.sh</c>, which drops every
    /// leftover test database at the end of a run and names it) rather than failing a class whose tests passed.
    /// </summary>
    protected override async Task DisposeDatabaseAsync()
    {
        try
        {
            Dispose();
            Email.Dispose();
            await _database.DropAsync();
        }
        catch (Exception e)
        {
            var message = $"warning: clearing up test database {_database.Name} failed; scripts/test.sh drops it at the end of the run: {e}";
            Console.Out.WriteLine(message);
            Console.Error.WriteLine(message);
        }
    }
}
