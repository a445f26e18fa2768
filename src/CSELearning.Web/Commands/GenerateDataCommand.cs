using System.Diagnostics;
using System.Globalization;

namespace CSELearning.Web.Commands;

/// <summary>
/// <c>generate-data [--learners N] [--agencies N] [--events N] [--seed N]</c>: adds a generated partnership to
/// the configured database (defaults: 50,000 learners in 40 agencies with 1,000,000 scenario choices and
/// check attempts, seed 1) and prints what it made.
/// </summary>
public static class GenerateDataCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, "--" + name);
            if (at < 0) return fallback;
            if (at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            throw new ArgumentException($"--{name} needs a whole number.");
        }

        ScaleDataGenerator.Options options;
        try
        {
            options = new(Option("learners", 50_000), Option("agencies", 40), Option("events", 1_000_000), Option("seed", 1), DateTime.UtcNow);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var generator = ActivatorUtilities.CreateInstance<ScaleDataGenerator>(scope.ServiceProvider);
        var clock = Stopwatch.StartNew();
        try
        {
            var summary = await generator.GenerateAsync(options, output, CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Partnership}: {summary.Agencies} agencies, {summary.Teams} teams, {summary.Learners} learners, {summary.Progress} module starts, {summary.Decisions} scenario choices, {summary.Attempts} check attempts, {summary.Completions} completions in {clock.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
