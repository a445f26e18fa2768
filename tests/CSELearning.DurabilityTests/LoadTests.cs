using System.Diagnostics;
using System.Globalization;
using CSELearning.DurabilityTests.Infrastructure;

namespace CSELearning.DurabilityTests;

/// <summary>
/// Many learners at once on the real site over loopback, for a bounded time: no server errors, no lost writes,
/// no "database is locked" reaching anyone, and SQLite's write-ahead log kept small throughout.
/// Sized by CSELEARNING_LOAD_LEARNERS (24), CSELEARNING_LOAD_SECONDS (60 here, a short run for developers;
/// scripts/test.sh, and so CI, sets 180), CSELEARNING_LOAD_SAVES (10000: the run goes on past its time until
/// this many reflection saves) and CSELEARNING_LOAD_MAX_SECONDS (240, or the run's seconds plus 60 if more).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const long WalLimitBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task Many_learners_at_once_lose_nothing_see_no_errors_and_keep_the_log_small()
    {
        var learnerCount = Setting("CSELEARNING_LOAD_LEARNERS", 24);
        var duration = TimeSpan.FromSeconds(Setting("CSELEARNING_LOAD_SECONDS", 60));
        var targetSaves = Setting("CSELEARNING_LOAD_SAVES", 10_000);
        // The ceiling only stops a run that cannot reach its saves; it must never cut short the time asked for.
        var maximum = TimeSpan.FromSeconds(Setting("CSELEARNING_LOAD_MAX_SECONDS", Math.Max(240, (int)duration.TotalSeconds + 60)));

        using var data = new SiteData("load");
        var emails = await data.CreateLearnersAsync(learnerCount);
        var writers = new Writers();
        long largestWal = 0;
        var walSamples = new List<long>();
        TimeSpan ran;
        await using (var site = await SiteProcess.StartAsync(data.Directory))
        {
            var learners = await Learner.SignInAllAsync(site.Address, emails);

            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var running = learners.Select((learner, i) => Task.Run(() => writers.RunAsync(learner, completeFirst: i % 2 == 0, stop.Token))).ToList();
            while ((clock.Elapsed < duration || writers.Saves < targetSaves) && clock.Elapsed < maximum && !running.All(r => r.IsCompleted))
            {
                await Task.Delay(250);
                var wal = data.WalBytes;
                largestWal = Math.Max(largestWal, wal);
                if (walSamples.Count == 0 || clock.Elapsed.TotalSeconds >= walSamples.Count * 10) walSamples.Add(wal);
            }
            await stop.CancelAsync();
            await Task.WhenAll(running);
            ran = clock.Elapsed;
            largestWal = Math.Max(largestWal, data.WalBytes);
            foreach (var learner in learners) learner.Dispose();

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{learnerCount} learners for {ran.TotalSeconds:F0} s: {writers.Requests} write requests ({writers.Requests / ran.TotalSeconds:F0}/s), {writers.Saves} reflection saves ({writers.Saves / ran.TotalSeconds:F0}/s), {writers.Logs.Count} logs, {writers.Completions.Count} completions"));
            output.WriteLine($"WAL: largest {largestWal / 1024} KiB; every ~10 s: {string.Join(", ", walSamples.Select(w => $"{w / 1024} KiB"))}; at the end {data.WalBytes / 1024} KiB");

            if (writers.ServerErrors > 0 || !writers.Unexpected.IsEmpty)
            {
                output.WriteLine($"Unexpected answers: {string.Join("; ", writers.Unexpected.Distinct())}");
                output.WriteLine("The site's own account of its failures:");
                foreach (var line in site.FailureLines()) output.WriteLine(line);
            }
            Assert.Empty(writers.Unanswered);
            Assert.Equal(0, writers.ServerErrors);
            Assert.Empty(writers.Unexpected);
            Assert.DoesNotContain("database is locked", site.Output, StringComparison.OrdinalIgnoreCase);
            site.Terminate();
            Assert.True(await site.WaitForExitAsync(TimeSpan.FromSeconds(40)), "The site did not stop.");
        }

        Assert.True(writers.Saves >= targetSaves, $"Only {writers.Saves} reflection saves in {ran.TotalSeconds:F0} s (CSELEARNING_LOAD_MAX_SECONDS); {targetSaves} were asked for.");
        Assert.True(largestWal < WalLimitBytes, $"The write-ahead log reached {largestWal:N0} bytes.");

        // Nothing lost: every log at the version last acknowledged (no save was in flight when the writers stopped).
        var stored = await data.LogVersionsAsync();
        var lost = writers.Logs.Values.Where(l => !stored.TryGetValue(l.Id, out var v) || v != l.Version)
            .Select(l => $"log {l.Id}: acknowledged v{l.Version}, stored {(stored.TryGetValue(l.Id, out var v) ? $"v{v}" : "nothing")}").ToList();
        Assert.Empty(lost);
        Assert.Equal(writers.Logs.Count, stored.Count);
        var completed = await data.CompletedByAsync();
        Assert.True(completed.SetEquals(writers.Completions), $"{writers.Completions.Count} completions acknowledged, {completed.Count} stored");
        Assert.Equal("ok", await data.IntegrityCheckAsync());
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
