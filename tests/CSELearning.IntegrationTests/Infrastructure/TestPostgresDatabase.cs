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

    /// <summary>
    /// Drops the database, ending any session still connected to it. PostgreSQL gives terminated sessions five
    /// seconds to exit before refusing the drop as "in use" (55006), which a loaded two-core machine can exceed;
    /// and an autovacuum worker busy on the freshly written database belongs to no role, so FORCE may not end
    /// it and the drop is refused for want of privilege (42501) until it finishes by itself. Either way the drop
    /// is tried again a few times before the failure is reported with PostgreSQL's own words.
    /// </summary>
    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ServerConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when ((e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege) && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Could not drop test database {_name} (attempt {attempt}): {e.SqlState} {e.MessageText} {e.Detail}", e);
            }
        }
    }
}
