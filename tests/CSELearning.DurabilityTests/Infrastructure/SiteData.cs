using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CSELearning.DurabilityTests.Infrastructure;

/// <summary>
/// A data directory for the site: migrated, and given learners who can sign in, before the site starts,
/// through the application's own migrator, <see cref="AppDbContext"/> and <see cref="UserManager{User}"/>.
/// Afterwards it reads back what the site stored, straight from the SQLite file.
/// </summary>
public sealed class SiteData : IDisposable
{
    /// <summary>Every test learner's password: made up for the tests, in no common list.</summary>
    public const string Password = "orbit-lantern-meadow-quartz";

    // Hashed once at the production cost; the site checks it exactly as it would a real one.
    private static readonly Lazy<string> PasswordHash = new(() =>
        new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordPolicy.HashIterations }))
            .HashPassword(null!, Password));

    public SiteData(string name) =>
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cselearning-durability", $"{name}-{Guid.NewGuid():N}")).FullName;

    public string Directory { get; }
    public string DatabaseFile => Path.Combine(Directory, DatabaseOptions.SqliteFileName);
    public string WalFile => DatabaseFile + "-wal";
    public long WalBytes => File.Exists(WalFile) ? new FileInfo(WalFile).Length : 0;

    /// <summary>Migrates the database and makes <paramref name="count"/> learners; returns their email addresses.</summary>
    public async Task<IReadOnlyList<string>> CreateLearnersAsync(int count)
    {
        var options = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = Directory };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(options))
            .AddDbContext<AppDbContext>(db => db.UseSqlite(options.SqliteConnectionString).AddInterceptors(new SqlitePragmas(options.BusyTimeoutMilliseconds)));
        services.AddIdentityCore<User>(o => o.User.AllowedUserNameCharacters = "").AddRoles<Role>().AddEntityFrameworkStores<AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider);

        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var user = new User($"learner.{i:D3}@riverside-durability.example", $"Learner {i:D3}", JobRole.SocialWorker, DateTime.UtcNow) { PasswordHash = PasswordHash.Value };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Learner));
            emails.Add(user.Email!);
        }
        SqliteConnection.ClearAllPools();
        return emails;
    }

    /// <summary>Runs a query on the database file (read only) and returns its rows.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql, string? file = null)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file ?? DatabaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task<string> IntegrityCheckAsync(string? file = null) =>
        string.Join("; ", (await QueryAsync("PRAGMA integrity_check", file)).Select(r => Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Each reflective log's id and version.</summary>
    public async Task<Dictionary<Guid, long>> LogVersionsAsync(string? file = null) =>
        (await QueryAsync("SELECT Id, Version FROM ReflectiveLogs", file)).ToDictionary(r => Guid.Parse((string)r[0]!), r => (long)r[1]!);

    /// <summary>The email addresses of learners with a completion recorded.</summary>
    public async Task<HashSet<string>> CompletedByAsync(string? file = null) =>
        (await QueryAsync("SELECT u.Email FROM ModuleCompletions c JOIN AspNetUsers u ON u.Id = c.UserId", file)).Select(r => (string)r[0]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
