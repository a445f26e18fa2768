using System.Diagnostics;
using CSELearning.DurabilityTests.Infrastructure;

namespace CSELearning.DurabilityTests;

/// <summary>
/// The site killed outright (SIGKILL) while learners are saving: everything it acknowledged is there, exactly
/// as sent, when it starts again on the same files, and the database is intact.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Learners = 6;

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_in_mid_stream()
    {
        var clock = Stopwatch.StartNew();
        using var data = new SiteData("crash");
        var emails = await data.CreateLearnersAsync(Learners);
        var writers = new Writers();
        var learners = new List<Learner>();
        var site = await SiteProcess.StartAsync(data.Directory);
        try
        {
            learners.AddRange(await Learner.SignInAllAsync(site.Address, emails));
            output.WriteLine($"{clock.Elapsed}: site started, {Learners} learners signed in");

            using var stop = new CancellationTokenSource();
            var running = learners.Select((learner, i) => Task.Run(() => writers.RunAsync(learner, completeFirst: i % 2 == 0, stop.Token))).ToList();
            // Once the stream is flowing (the first requests also compile views), the kill comes at a random moment.
            var flowing = DateTime.UtcNow.AddSeconds(60);
            while ((writers.Acknowledged < 40 || writers.Completions.IsEmpty) && DateTime.UtcNow < flowing && !running.All(w => w.IsCompleted)) await Task.Delay(20);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2000)));
            await site.KillAsync();
            output.WriteLine($"{clock.Elapsed}: killed after {writers.Acknowledged} acknowledged writes ({writers.Logs.Count} logs, {writers.Completions.Count} completions); {writers.Logs.Values.Count(l => l.Pending is not null)} saves in flight");
            await stop.CancelAsync();
            await Task.WhenAll(running);
        }
        finally
        {
            foreach (var learner in learners) learner.Dispose();
            await site.DisposeAsync();
        }

        Assert.True(writers.Acknowledged > 30, $"Only {writers.Acknowledged} writes were acknowledged before the kill: too few to show anything.");
        Assert.NotEmpty(writers.Completions);
        Assert.Empty(writers.Unexpected);

        await using var restarted = await SiteProcess.StartAsync(data.Directory);
        output.WriteLine($"{clock.Elapsed}: restarted");
        var stored = await data.LogVersionsAsync();
        var problems = new List<string>();
        var authors = new Dictionary<string, Learner>();
        foreach (var log in writers.Logs.Values)
        {
            if (!stored.ContainsKey(log.Id))
            {
                problems.Add($"log {log.Id} (created and acknowledged) is missing");
                continue;
            }
            if (!authors.TryGetValue(log.Email, out var author))
            {
                authors[log.Email] = author = new Learner(restarted.Address, log.Email);
                await author.SignInAsync();
            }
            var read = await author.ReadLogAsync(log.Id);
            // What the site acknowledged last must be there; a save still in flight when the site died may have
            // committed too, but then exactly as sent.
            if (read.Version == log.Version)
            {
                if (read.Description != log.Text || read.Title != log.Text)
                    problems.Add($"log {log.Id} v{read.Version}: '{read.Description}', acknowledged '{log.Text}'");
            }
            else if (log.Pending is { } pending && read.Version == pending.Version)
            {
                if (read.Description != pending.Text) problems.Add($"log {log.Id} v{read.Version}: '{read.Description}', sent '{pending.Text}'");
            }
            else
            {
                problems.Add($"log {log.Id} is at version {read.Version}; version {log.Version} was acknowledged");
            }
        }
        foreach (var author in authors.Values) author.Dispose();
        var completed = await data.CompletedByAsync();
        problems.AddRange(writers.Completions.Where(email => !completed.Contains(email)).Select(email => $"{email}'s acknowledged completion is missing"));

        Assert.Empty(problems);
        Assert.Equal("ok", await data.IntegrityCheckAsync());
        // Set by the migrator and kept in the file: the log the killed process had written is what the restart replayed.
        Assert.Equal("wal", (await data.QueryAsync("PRAGMA journal_mode"))[0][0]);
        output.WriteLine($"{clock.Elapsed}: {writers.Logs.Count} logs and {writers.Completions.Count} completions checked");
    }
}
