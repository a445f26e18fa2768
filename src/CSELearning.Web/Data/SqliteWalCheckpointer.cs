using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Data;

// Truncates SQLite's write-ahead log on a timer. SQLite's own automatic checkpoints are passive: while
// readers keep the log busy they never reset it, and under steady inserts it has been seen to grow to
// hundreds of megabytes beside a database of a few kilobytes.
public sealed class SqliteWalCheckpointer(IOptions<DatabaseOptions> options, ILogger<SqliteWalCheckpointer> logger, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckpointIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(options.Value, stoppingToken);
            }
            catch (Exception ex) when (ex is SqliteException or IOException)
            {
                logger.LogWarning(ex, "WAL checkpoint did not complete; it will be tried again");
            }
        }
    }

    // Runs a TRUNCATE checkpoint; returns SQLite's (busy, log pages, checkpointed pages).
    public static async Task<(long Busy, long LogPages, long Checkpointed)> CheckpointAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.SqliteDatabasePath)) return (0, 0, 0);
        await using var connection = new SqliteConnection(options.SqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={options.BusyTimeoutMilliseconds};";
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2))
            : (0, 0, 0);
    }

    public static long WalSizeBytes(DatabaseOptions options)
    {
        var wal = new FileInfo(options.SqliteDatabasePath + "-wal");
        return wal.Exists ? wal.Length : 0;
    }
}
