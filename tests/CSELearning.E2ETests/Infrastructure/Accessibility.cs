using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// Runs axe-core on the page in front of the browser and fails on any violation of serious or critical
/// impact, naming each rule, its impact, its help text and the elements that break it.
/// </summary>
/// <remarks>
/// This is Deque's own copy of axe-core (from Deque.AxeCore), run with <c>axe.run</c> in the page rather than
/// through <c>page.RunAxe()</c>. RunAxe sends the 560 KB script across twice and opens a fresh browser page to
/// merge results on every call: 1.3 to 2.4 seconds a page on this machine, against 0.2 to 0.7 seconds for the
/// same rules run directly, and the journeys check some sixty pages. What RunAxe adds (results gathered from
/// cross-origin iframes) does not arise: the site has no frames.
/// </remarks>
public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    // axe's default rules, plus target-size (WCAG 2.2 AA 2.5.8, which axe leaves off by default): the site
    // aims at WCAG 2.2 AA. Only violations are gathered in full: the same rules run, the answer is smaller.
    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, {
                resultTypes: ['violations'],
                rules: { 'target-size': { enabled: true } },
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.flat(Infinity).join(' ')),
            }));
        }
        """;

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // Once per document: the script survives until the next navigation.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
            await page.EvaluateAsync("() => {" + AxeScript.Value + "}");

        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        var blocking = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is { } impact && BlockingImpacts.Contains(impact))
            .ToList();
        if (blocking.Count > 0) Assert.Fail(Describe(page.Url, blocking));
    }

    private static string Describe(string url, List<JsonElement> violations)
    {
        var report = new StringBuilder();
        report.Append("axe found ").Append(violations.Count).Append(" serious or critical accessibility problem(s) on ").Append(url).Append(':');
        foreach (var violation in violations)
        {
            report.AppendLine().Append("  ").Append(violation.GetProperty("id").GetString())
                .Append(" (").Append(violation.GetProperty("impact").GetString()).Append("): ")
                .Append(violation.GetProperty("help").GetString())
                .Append(" <").Append(violation.GetProperty("helpUrl").GetString()).Append('>');
            foreach (var target in violation.GetProperty("targets").EnumerateArray())
                report.AppendLine().Append("    at ").Append(target.GetString());
        }
        return report.ToString();
    }
}
