using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace CSELearning.UnitTests.Content;

[CollectionDefinition(nameof(LargeModuleTests), DisableParallelization = true)]
public sealed class LargeModuleTestsRunAlone;

/// <summary>
/// A 5 MB module is checked in well under five seconds. The time is the processor time the check used, so a
/// busy machine running other work does not fail it; the test runs on its own so nothing else adds to it.
/// </summary>
[Collection(nameof(LargeModuleTests))]
public class LargeModuleTests(ITestOutputHelper output)
{
    private const int Megabytes = 5;

    private const string Prose = "Young people describe being drawn in slowly, through attention, gifts and a sense of belonging "
        + "that they had not found elsewhere, and they rarely see what is happening to them as abuse while it is happening; "
        + "the adults around them see a child who is angry, who goes missing, or who will not say where they have been.";

    [Fact]
    public void A_5_MB_module_is_checked_in_under_5_seconds()
    {
        var page = new StringBuilder("---\ntype: page\nid: long-page\ntitle: A long page\n---\n");
        // Written like the shipped modules: a heading, paragraphs of prose that cite and link, a list, a quote.
        for (var i = 0; page.Length < Megabytes * 1024 * 1024; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n## Part {i} {{#part-{i}}}\n\n")
                .Append(Prose).Append(" A child's *apparent* cooperation is never consent [@hallett2015].\n\n")
                .Append(Prose).Append(" Read [the key messages](https://www.csacentre.org.uk/) and [where to get support](/support).\n\n")
                .Append("- Going missing again and again\n- An older **boyfriend**, gifts and lifts\n\n")
                .Append(Prose).Append(" Indicators are a reason to be curious [@sjck2017].\n\n> ").Append(Prose).Append('\n');
        }
        var module = new SampleModule().With("05-long-page.md", page.ToString());
        var process = Process.GetCurrentProcess();

        var before = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = module.Load();
        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - before;

        output.WriteLine($"{page.Length / 1024.0 / 1024:0.0} MB module: {used.TotalSeconds:0.00} s of processor time, {clock.Elapsed.TotalSeconds:0.00} s on the clock");
        Assert.True(result.IsValid, string.Join("\n", result.Problems.Take(5)));
        Assert.True(used < TimeSpan.FromSeconds(5), $"checking a {Megabytes} MB module took {used.TotalSeconds:0.00} s of processor time");
    }
}
