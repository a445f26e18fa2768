using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Tests.Shared;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// A completion earns the module's CPD hours from its minimum time on; before it, the time spent rounded down
/// to the quarter hour. Whatever it earned is what the completion page, the certificate, My learning and the
/// learning record all say. The sample module: 0.5 CPD hours, an estimated 35 minutes, so a minimum of 11.
/// </summary>
public abstract partial class CpdHoursTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Module = "/modules/recognising-exploitation";
    private const string Check = Module + "/check";
    private const string Completion = Module + "/completion";

    [Fact]
    public async Task A_completion_short_of_the_minimum_time_earns_the_time_spent_rounded_down_and_the_completion_page_says_so()
    {
        var client = await LearnerAsync(Factory);

        await CompleteAsync(client, minutes: 9);

        await AssertEarnedEverywhereAsync(client, 0m);
        Assert.Contains(
            "The module's full CPD hours (0.5) are awarded after at least 11 minutes on it. You spent less than that, so this completion "
            + "records 0 CPD hours: the time you spent, rounded down to the quarter hour.",
            PlainText(await client.GetPageAsync(Completion)));
    }

    [Fact]
    public async Task A_module_may_set_its_own_minimum_time_and_short_of_it_each_whole_quarter_hour_counts()
    {
        using var variant = Factory.WithWebHostBuilder(builder => builder.UseSetting("Content:Directory", TestContent.SampleVariant(text =>
            text.Replace("estimated_minutes: 35", "estimated_minutes: 35\nminimum_minutes: 30", StringComparison.Ordinal))));
        var client = await LearnerAsync(variant);

        await CompleteAsync(client, minutes: 20);

        await AssertEarnedEverywhereAsync(client, 0.25m);
        Assert.Contains("after at least 30 minutes on it. You spent less than that, so this completion records 0.25 CPD hours:",
            PlainText(await client.GetPageAsync(Completion)));
    }

    [Fact]
    public async Task A_completion_after_the_minimum_time_earns_the_modules_hours_and_the_page_says_no_more()
    {
        var client = await LearnerAsync(Factory);

        await CompleteAsync(client, minutes: 12);

        await AssertEarnedEverywhereAsync(client, 0.5m);
        var page = await client.GetPageAsync(Completion);
        Assert.DoesNotContain("cpd-hours-reduced", page);
        Assert.DoesNotContain("You spent less than that", PlainText(page));
    }

    private async Task<HttpClient> LearnerAsync(WebApplicationFactory<Program> site)
    {
        var user = await Factory.CreateUserAsync("dev.patel@riverside.example", await Factory.CreateOrganisationAsync(), Roles.Learner);
        return await site.SignedInAsync(user.Email!);
    }

    /// <summary>
    /// The module played through, all answers right, the test clock moved on twice between steps that record
    /// time (each gap under the 15 minutes that a longer one is cut to), so the time spent is about minutes.
    /// </summary>
    private async Task CompleteAsync(HttpClient client, int minutes)
    {
        var half = TimeSpan.FromMinutes(minutes / 2.0);
        await client.PostFormAsync(Module, Module + "/start", []);
        Factory.Clock.Advance(half);
        await client.GetPageAsync(Module + "/what-exploitation-is");
        Factory.Clock.Advance(half);
        foreach (var node in new[] { "back-late", "next-day", "sharing" })
            await SampleScenario.ChooseAsync(client, node, 1);
        await client.PostFormAsync(Check, Check + "/answers",
        [
            new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 2), SampleAnswers.Answer("indicators", 1), SampleAnswers.Answer("indicators", 3),
            SampleAnswers.Answer("indicators", 4), SampleAnswers.Answer("cooperation", 2), SampleAnswers.Answer("victim-recognition", 3),
        ]);
        var completed = await client.PostFormAsync(Completion, Completion, [new("progress", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
    }

    private async Task AssertEarnedEverywhereAsync(HttpClient client, decimal hours)
    {
        var (completion, certificate) = await Factory.WithDbAsync(async db => (await db.ModuleCompletions.SingleAsync(), await db.Certificates.SingleAsync()));
        Assert.Equal(hours, completion.CpdHoursAwarded);
        Assert.Equal(hours, certificate.CpdHours);
        var shown = hours.ToString("0.##", CultureInfo.InvariantCulture);

        Assert.Contains($"CPD hours</dt><dd class=\"govuk-summary-list__value\">{shown}</dd>", await client.GetPageAsync(Completion));
        Assert.Contains($"govuk-table__cell--numeric\">{shown}</td>", await client.GetPageAsync("/my-learning"));
        // The certificate's details sit side by side: score, CPD hours, then its number.
        Assert.Contains($"100% {shown} {certificate.Number}", await PdfTextAsync(client, $"/my-learning/certificates/{certificate.Number}.pdf"));
        var record = await PdfTextAsync(client, "/my-learning/record.pdf");
        Assert.Contains($"Total CPD hours {shown} hours", record);
        Assert.Contains($"CPD hours {shown} hours Time spent", record);
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PdfFile(await response.Content.ReadAsByteArrayAsync()).Text;
    }

    private static string PlainText(string html) => Spaces().Replace(WebUtility.HtmlDecode(html), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class CpdHoursTestsOnSqlite(ModuleSqliteAppFactory factory) : CpdHoursTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class CpdHoursTestsOnPostgres(ModulePostgresAppFactory factory) : CpdHoursTests(factory), IClassFixture<ModulePostgresAppFactory>;
