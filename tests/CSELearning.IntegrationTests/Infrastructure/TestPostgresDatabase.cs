using Npgsql;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL database on the server named by CSELEARNING_TEST_POSTGRES (set by scripts/test.sh).
/// Tests fail, rather than skip, when it is missing: PostgreSQL is a supported database and is tested.
/// </summary>
public sealed class TestPostgresDatabase
{
    public const string Variable = "CSELEARNING_TEST_POSTGRES";

    private readonly string _name = $"cselearning_test_{Guid.NewGuid():N}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL and sets it.");

    public string Name => _name;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name, Pooling = true }.ConnectionString;

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
