using CSELearning.Web.Data;

namespace CSELearning.UnitTests.Data;

public class DatabaseOptionsValidatorTests
{
    private static IEnumerable<string> Failures(DatabaseOptions options) =>
        new DatabaseOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Sqlite_with_a_folder_is_valid() =>
        Assert.Empty(Failures(new DatabaseOptions { Provider = "Sqlite", DataDirectory = "/var/lib/cselearning" }));

    [Fact]
    public void Provider_names_are_case_insensitive() =>
        Assert.Empty(Failures(new DatabaseOptions { Provider = "postgresql", ConnectionString = "Host=db" }));

    [Theory]
    [InlineData(null, null, null, "Database:Provider is missing")]
    [InlineData("SqlServer", null, null, "Database:Provider is 'SqlServer'")]
    [InlineData("Sqlite", "", null, "Database:DataDirectory is missing")]
    [InlineData("PostgreSql", null, " ", "Database:ConnectionString is missing")]
    public void Each_missing_or_wrong_setting_is_named(string? provider, string? directory, string? connection, string message)
    {
        var failures = Failures(new DatabaseOptions { Provider = provider, DataDirectory = directory, ConnectionString = connection });

        Assert.Contains(failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(50, 30, "Database:BusyTimeoutMilliseconds")]
    [InlineData(5000, 0, "Database:CheckpointIntervalSeconds")]
    public void Timings_out_of_range_are_named(int busy, int checkpoint, string setting)
    {
        var failures = Failures(new DatabaseOptions { Provider = "Sqlite", DataDirectory = "data", BusyTimeoutMilliseconds = busy, CheckpointIntervalSeconds = checkpoint });

        Assert.Contains(failures, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void The_sqlite_connection_turns_on_foreign_keys_and_pooling()
    {
        var options = new DatabaseOptions { Provider = "Sqlite", DataDirectory = "/srv/data" };

        Assert.Equal("/srv/data/cselearning.db", options.SqliteDatabasePath);
        Assert.Contains("Foreign Keys=True", options.SqliteConnectionString, StringComparison.Ordinal);
        Assert.Contains("Pooling=True", options.SqliteConnectionString, StringComparison.Ordinal);
    }
}
