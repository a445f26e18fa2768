using Microsoft.Extensions.Options;

namespace CSELearning.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string SqliteFileName = "cselearning.db";

    public string? Provider { get; set; }

    // For Sqlite: the folder that holds the database file.
    public string? DataDirectory { get; set; }

    public string? ConnectionString { get; set; }

    // For Sqlite: how long a writer waits for a lock before giving up.
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    // For Sqlite: how often the write-ahead log is checkpointed and truncated.
    public int CheckpointIntervalSeconds { get; set; } = 30;

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public string SqliteDatabasePath => Path.Combine(Path.GetFullPath(DataDirectory!), SqliteFileName);

    public string SqliteConnectionString => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
    {
        DataSource = SqliteDatabasePath,
        Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate,
        Cache = Microsoft.Data.Sqlite.SqliteCacheMode.Private,
        Pooling = true,
        ForeignKeys = true,
        DefaultTimeout = Math.Max(1, BusyTimeoutMilliseconds / 1000),
    }.ToString();
}

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Provider))
            failures.Add($"Database:Provider is missing: set it to {DatabaseOptions.Sqlite} or {DatabaseOptions.PostgreSql}.");
        else if (!options.IsSqlite && !options.IsPostgreSql)
            failures.Add($"Database:Provider is '{options.Provider}': it must be {DatabaseOptions.Sqlite} or {DatabaseOptions.PostgreSql}.");
        if (options.IsSqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("Database:DataDirectory is missing: the Sqlite provider needs a folder for its database file.");
        if (options.IsPostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add("Database:ConnectionString is missing: the PostgreSql provider needs a connection string.");
        if (options.BusyTimeoutMilliseconds is < 100 or > 120_000)
            failures.Add("Database:BusyTimeoutMilliseconds must be between 100 and 120000.");
        if (options.CheckpointIntervalSeconds is < 1 or > 3600)
            failures.Add("Database:CheckpointIntervalSeconds must be between 1 and 3600.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
