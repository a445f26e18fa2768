using System.Diagnostics;
using System.Text.RegularExpressions;
using CSELearning.DurabilityTests.Infrastructure;

namespace CSELearning.DurabilityTests;

/// <summary>
/// SIGTERM (a service manager or container runtime stopping the site) while learners are writing: requests
/// already in progress finish, nobody gets a server error, nothing acknowledged is lost, and the process exits 0
/// within the host's shutdown timeout (HostOptions.ShutdownTimeout: 30 seconds unless configured).
/// </summary>
public sealed partial class ShutdownTests(ITestOutputHelper output)
{
    private const int Learners = 8;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_under_load_finishes_what_is_in_progress_and_exits_0()
    {
        using var data = new SiteData("shutdown");
        var emails = await data.CreateLearnersAsync(Learners);
        var writers = new Writers();
        var learners = new List<Learner>();
        var site = await SiteProcess.StartAsync(data.Directory);
        try
        {
            learners.AddRange(await Learner.SignInAllAsync(site.Address, emails));
            using var stop = new CancellationTokenSource();
            var running = learners.Select((learner, i) => Task.Run(() => writers.RunAsync(learner, completeFirst: i % 2 == 0, stop.Token))).ToList();
            var flowing = DateTime.UtcNow.AddSeconds(60);
            while (writers.Acknowledged < 60 && DateTime.UtcNow < flowing) await Task.Delay(20);

            var inFlight = writers.Logs.Values.Count(l => l.Pending is not null);
            var terminatedAt = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            site.Terminate();
            var exited = await site.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
            var took = clock.Elapsed;
            await stop.CancelAsync();
            await Task.WhenAll(running);
            output.WriteLine($"SIGTERM after {writers.Acknowledged} acknowledged writes with {inFlight} saves in flight; exited in {took.TotalSeconds:F1} s with code {(exited ? site.ExitCode : -1)}; {writers.Unanswered.Count} learners then found the site gone");

            Assert.True(exited, $"The site was still running {took.TotalSeconds:F0} s after SIGTERM.");
            Assert.True(took < ShutdownTimeout, $"Stopping took {took.TotalSeconds:F1} s, longer than the shutdown timeout.");
            Assert.Equal(0, site.ExitCode);
            Assert.Equal(0, writers.ServerErrors);
            Assert.Empty(writers.Unexpected);
            // A request sent before the signal is in progress: it must have been answered, not cut off. (One sent
            // as the signal lands may meet a connection Kestrel is closing, and is refused unprocessed.)
            Assert.DoesNotContain(writers.Unanswered, u => u.SentAt < terminatedAt.AddMilliseconds(-250));
            Assert.Empty(ErrorLines().Matches(site.Output));
        }
        finally
        {
            foreach (var learner in learners) learner.Dispose();
            await site.DisposeAsync();
        }

        var stored = await data.LogVersionsAsync();
        var lost = writers.Logs.Values.Where(l => !stored.TryGetValue(l.Id, out var v) || v < l.Version).Select(l => l.Id).ToList();
        Assert.Empty(lost);
        var completed = await data.CompletedByAsync();
        Assert.Subset(completed, writers.Completions.ToHashSet(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("ok", await data.IntegrityCheckAsync());
    }

    [GeneratedRegex("^(fail|crit): .*$", RegexOptions.Multiline)]
    private static partial Regex ErrorLines();
}
