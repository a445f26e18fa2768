using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Data;

// Brings the database to the newest schema; run at start-up and by the migrate command.
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.IsSqlite) Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory!));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.IsSqlite)
        {
            // WAL is a property of the database file: set it once, before anything else writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
        await ReferenceData.EnsureAsync(db, cancellationToken);
    }
}
