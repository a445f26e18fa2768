using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CSELearning.Web.Data;

// Set on every connection because SQLite keeps them per connection. Full fsync in WAL mode so an
// acknowledged write survives a power cut; a busy timeout so a writer waits instead of "database is locked";
// a 256 MiB memory map so a report reading a large index range counts rather than copies.
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
