using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CSELearning.IntegrationTests.Data;

public sealed class FastCheckpointFactory : SqliteAppFactory
{
    public FastCheckpointFactory() => WithSetting("Database:CheckpointIntervalSeconds", "1");
}

public sealed class SqliteSettingsTests(FastCheckpointFactory factory) : IClassFixture<FastCheckpointFactory>, IAsyncLifetime
{
    private static readonly string[] PragmaNames = ["journal_mode", "synchronous", "busy_timeout", "foreign_keys"];

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_connection_runs_in_wal_mode_with_full_sync_a_busy_timeout_and_foreign_keys()
    {
        var pragmas = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                var result = new Dictionary<string, string>();
                foreach (var name in PragmaNames)
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = $"PRAGMA {name}";
                    result[name] = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
                }
                return result;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal("wal", pragmas["journal_mode"]);
        Assert.Equal("2", pragmas["synchronous"]); // FULL
        Assert.Equal("5000", pragmas["busy_timeout"]);
        Assert.Equal("1", pragmas["foreign_keys"]);
    }

    [Fact]
    public async Task A_truncating_checkpoint_empties_the_write_ahead_log()
    {
        var options = factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await WriteManyRowsAsync();
        // The background checkpointer may be checkpointing this database at the same moment; SQLite then
        // answers busy at once and leaves the log to that run. Ask until a checkpoint is this one's own.
        var busy = 1L;
        for (var attempt = 0; attempt < 20 && busy != 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(50);
            (busy, _, _) = await SqliteWalCheckpointer.CheckpointAsync(options, CancellationToken.None);
        }

        Assert.Equal(0, busy);
        Assert.Equal(0, SqliteWalCheckpointer.WalSizeBytes(options));
    }

    [Fact]
    public async Task The_background_checkpointer_keeps_the_log_from_growing()
    {
        var options = factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await WriteManyRowsAsync();
        var grown = SqliteWalCheckpointer.WalSizeBytes(options);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (SqliteWalCheckpointer.WalSizeBytes(options) > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.True(grown > 0, "Writing rows should have grown the log before the checkpoint.");
        Assert.Equal(0, SqliteWalCheckpointer.WalSizeBytes(options));
    }

    [Fact]
    public async Task New_records_get_version_7_ids_that_reveal_no_count()
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var made = Enumerable.Range(0, 5).Select(i => new Partnership($"Partnership {i}", DateTime.UtcNow)).ToList();
            db.Partnerships.AddRange(made);
            await db.SaveChangesAsync();
            return made.Select(p => p.Id).ToList();
        });

        // Version 7: 48 bits of creation time, then random bits; nothing counts up from one id to the next.
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id =>
        {
            var created = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(id.ToString("N")[..12], 16));
            Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        });
        Assert.Equal(ids.Count, ids.Select(id => id.ToString("N")[13..]).Distinct().Count());
    }

    private async Task WriteManyRowsAsync()
    {
        // One transaction a row, as a busy site commits: each leaves pages in the log.
        for (var i = 0; i < 200; i++)
        {
            await factory.WithDbAsync(async db =>
            {
                db.Partnerships.Add(new Partnership($"Partnership {Guid.NewGuid():N}", DateTime.UtcNow));
                await db.SaveChangesAsync();
            });
        }
    }
}
