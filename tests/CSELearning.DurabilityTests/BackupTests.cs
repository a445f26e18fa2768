using System.Diagnostics;
using System.Security.Cryptography;
using CSELearning.DurabilityTests.Infrastructure;

namespace CSELearning.DurabilityTests;

/// <summary><c>backup --to &lt;file&gt;</c>: a consistent copy of the SQLite database taken while the site serves.</summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    private const int Learners = 4;

    [Fact]
    public async Task A_backup_taken_while_learners_write_holds_every_earlier_write_and_restores()
    {
        var clock = Stopwatch.StartNew();
        using var data = new SiteData("backup");
        var emails = await data.CreateLearnersAsync(Learners);
        var backup = Path.Combine(Directory.CreateDirectory(Path.Combine(data.Directory, "backups")).FullName, "cselearning-backup.db");
        var writers = new Writers();
        Dictionary<Guid, int> before;
        HashSet<string> completedBefore;
        string backupOutput;
        await using (var site = await SiteProcess.StartAsync(data.Directory))
        {
            var learners = await Learner.SignInAllAsync(site.Address, emails);
            using var stop = new CancellationTokenSource();
            var running = learners.Select((learner, i) => Task.Run(() => writers.RunAsync(learner, completeFirst: true, stop.Token))).ToList();
            var flowing = DateTime.UtcNow.AddSeconds(60);
            while (writers.Acknowledged < 40 && DateTime.UtcNow < flowing) await Task.Delay(20);

            // What was acknowledged before the backup started must all be in it; writes carry on meanwhile.
            before = writers.Snapshot();
            completedBefore = [.. writers.Completions];
            var acknowledgedBefore = writers.Acknowledged;
            var (exitCode, text) = await SiteProcess.RunCommandAsync(["backup", "--to", backup], SiteProcess.Settings(data.Directory));
            backupOutput = text;
            var duringBackup = writers.Acknowledged - acknowledgedBefore;
            await stop.CancelAsync();
            await Task.WhenAll(running);
            foreach (var learner in learners) learner.Dispose();
            output.WriteLine($"{clock.Elapsed}: backup exit {exitCode} with {acknowledgedBefore} writes acknowledged before it and {duringBackup} while it ran: {text.Trim()}");

            Assert.True(exitCode == 0, text);
            Assert.Contains("integrity check ok", text);
            Assert.Empty(writers.Unexpected);
            Assert.Empty(writers.Unanswered);
            site.Terminate();
            Assert.True(await site.WaitForExitAsync(TimeSpan.FromSeconds(40)), "The site did not stop.");
        }

        Assert.Equal("ok", await data.IntegrityCheckAsync(backup));
        var inBackup = await data.LogVersionsAsync(backup);
        var missing = before.Where(b => !inBackup.TryGetValue(b.Key, out var version) || version < b.Value)
            .Select(b => $"log {b.Key} v{b.Value}: {(inBackup.TryGetValue(b.Key, out var v) ? $"v{v}" : "absent")} in the backup").ToList();
        Assert.Empty(missing);
        Assert.Subset(await data.CompletedByAsync(backup), completedBefore);

        // A second backup to the same file is refused, and leaves the first as it was.
        var hash = SHA256.HashData(await File.ReadAllBytesAsync(backup));
        var again = await SiteProcess.RunCommandAsync(["backup", "--to", backup], SiteProcess.Settings(data.Directory));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists: the backup will not overwrite it", again.Output);
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(backup)));

        // Restore as the README says: with the site stopped, the backup replaces the database and the old
        // write-ahead log and shared-memory files go.
        File.Copy(backup, data.DatabaseFile, overwrite: true);
        File.Delete(data.DatabaseFile + "-wal");
        File.Delete(data.DatabaseFile + "-shm");
        await using (var restored = await SiteProcess.StartAsync(data.Directory))
        {
            var log = writers.Logs[before.Keys.First(id => inBackup[id] > 1)];
            using var author = new Learner(restored.Address, log.Email);
            await author.SignInAsync();
            var read = await author.ReadLogAsync(log.Id);
            Assert.Equal(inBackup[log.Id], read.Version);
            Assert.Equal(log.TextAt(read.Version), read.Description);
        }
        output.WriteLine($"{clock.Elapsed}: restored and read back; {backupOutput.Trim()}");
    }

    [Fact]
    public async Task Backup_on_postgresql_points_to_pg_dump()
    {
        var result = await SiteProcess.RunCommandAsync(["backup", "--to", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db")], new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = "Host=127.0.0.1;Database=cselearning",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump", result.Output);
    }

    [Fact]
    public async Task Backup_to_a_folder_that_does_not_exist_fails_naming_it()
    {
        using var data = new SiteData("backup-path");
        await data.CreateLearnersAsync(0);
        var folder = Path.Combine(data.Directory, "no-such-folder");

        var result = await SiteProcess.RunCommandAsync(["backup", "--to", Path.Combine(folder, "copy.db")], SiteProcess.Settings(data.Directory));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the folder {folder} does not exist", result.Output);
    }

    [Fact]
    public async Task Backup_without_a_target_shows_how_to_use_it()
    {
        using var data = new SiteData("backup-usage");
        var result = await SiteProcess.RunCommandAsync(["backup"], SiteProcess.Settings(data.Directory));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: backup --to <file>", result.Output);
    }
}
