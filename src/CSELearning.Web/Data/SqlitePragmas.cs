using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CSELearning.Web.Data;

// Settings SQLite keeps per connection, applied to every connection EF Core opens: a full fsync at each
// commit in WAL mode, so an acknowledged write survives a crash or power cut, and a busy timeout so a
// writer waits for the lock instead of failing with "database is locked". Reads go through a memory map of
// up to 256 MiB, shared with the operating system's page cache, rather than a read into each connection's own
// small cache: a report reading an index range of tens of megabytes spends its time counting, not copying.
// Writes still go through the write-ahead log as before.
public sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }
}
