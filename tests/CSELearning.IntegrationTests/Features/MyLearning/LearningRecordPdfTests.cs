using System.Globalization;
using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Tests.Shared;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.MyLearning;

/// <summary>
/// The learner's own learning record as a PDF for CPD evidence: activities, dates, CPD hours, outcomes and
/// totals; the text of their reflective logs and their supervisor's comments only when they ask for it; and
/// never anyone else's record.
/// </summary>
public abstract class LearningRecordPdfTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Url = "/my-learning/record.pdf";
    private const string SecondModuleId = "building-trust";

    private sealed record Setup(User Learner, User Supervisor, User Other, ContentModule First, ContentModule Second, CSELearning.Web.Domain.Learning.ModuleCompletion FirstDone, CSELearning.Web.Domain.Learning.ModuleCompletion SecondDone);

    private async Task<Setup> SetUpAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var learner = await Factory.CreateUserAsync("ash.learner@riverside.example", org, Roles.Learner);
        var other = await Factory.CreateUserAsync("lee.other@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, learner, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2));
        var catalog = Factory.Services.GetRequiredService<ContentCatalog>();
        var first = await Factory.CompleteAsync(learner, DateTime.UtcNow.AddDays(-20));
        var second = await Factory.CompleteAsync(learner, DateTime.UtcNow.AddDays(-3), SecondModuleId);
        await Factory.LogAsync(learner, TestLogs.Text("What the grooming module changed", "Mine"), TestLogs.ModuleId, "1.0.0",
            supervisor, comment: "Good link to your visit last week.", signOff: true);
        await Factory.LogAsync(learner, TestLogs.Text("A reflection on a practice situation", "Unlinked"));
        await Factory.CompleteAsync(other, DateTime.UtcNow.AddDays(-1));
        await Factory.LogAsync(other, TestLogs.Text("Another learner's reflection", "Theirs"), TestLogs.ModuleId, "1.0.0");
        return new Setup(learner, supervisor, other, catalog.Find(TestLogs.ModuleId)!, catalog.Find(SecondModuleId)!, first, second);
    }

    private static async Task<string> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        return new PdfFile(await response.Content.ReadAsByteArrayAsync()).Text;
    }

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture) + (hours == 1 ? " hour" : " hours");

    [Fact]
    public async Task The_record_lists_each_activity_with_its_date_hours_outcomes_and_the_total_but_not_the_logs_text_by_default()
    {
        var setup = await SetUpAsync();
        var client = await Factory.SignedInAsync(setup.Learner.Email!);
        var page = await client.GetPageAsync("/my-learning");
        Assert.Contains("action=\"/my-learning/record.pdf\"", page);
        Assert.Contains("name=\"reflections\"", page);
        Assert.DoesNotContain("name=\"reflections\" type=\"checkbox\" value=\"true\" checked", page);

        var text = await DownloadAsync(client, Url);

        Assert.StartsWith("Confidential", text);
        Assert.Contains("Learning record of Ash Learner", text);
        // The hours each completion earned, which for the time these spent is less than the modules' hours.
        Assert.Contains($"Total CPD hours {Hours(setup.FirstDone.CpdHoursAwarded!.Value + setup.SecondDone.CpdHoursAwarded!.Value)}", text);
        foreach (var (module, done) in new[] { (setup.First, setup.FirstDone), (setup.Second, setup.SecondDone) })
        {
            Assert.Contains($"E-learning module \"{module.Title}\", version {module.Version}", text);
            Assert.Contains($"Date completed {Dates.Day(done.CompletedAt)}", text);
            Assert.Contains($"CPD hours {Hours(done.CpdHoursAwarded!.Value)}", text);
            Assert.Contains($"Time spent {Dates.Duration(done.TimeSpentSeconds)}", text);
            Assert.Contains($"knowledge check ({done.ScorePercent}%)", text);
            foreach (var outcome in module.LearningOutcomes) Assert.Contains(outcome, text);
        }
        // The logs are listed, and the sign-off named, but none of their text or the supervisor's comments.
        Assert.Contains("What the grooming module changed: Signed off", text);
        Assert.Contains("signed off by Sol Supervisor on", text);
        Assert.DoesNotContain("Mine ", text);
        Assert.DoesNotContain("Good link to your visit last week.", text);
        Assert.DoesNotContain("A reflection on a practice situation", text);
        Assert.Contains("Generated by Ash Learner on", text);
        Assert.Contains("Page 1 of", text);
    }

    [Fact]
    public async Task With_the_option_on_it_holds_the_impact_on_practice_and_the_supervisors_comments()
    {
        var setup = await SetUpAsync();

        var text = await DownloadAsync(await Factory.SignedInAsync(setup.Learner.Email!), Url + "?reflections=true");

        Assert.Contains("Impact on practice, from my reflective log \"What the grooming module changed\"", text);
        Assert.Contains("What I learned: Mine conclusion text", text);
        Assert.Contains("What I will do: Mine action-plan text", text);
        Assert.Contains("Sol Supervisor", text);
        Assert.Contains("Good link to your visit last week.", text);
        // The activity the log is linked to comes before it; the other module's entry says it has none.
        Assert.True(text.IndexOf(setup.First.Title, StringComparison.Ordinal) < text.IndexOf("Mine conclusion text", StringComparison.Ordinal));
        Assert.Contains("No reflective log is linked to this module.", text);
    }

    [Fact]
    public async Task Nobody_exports_anyone_elses_record_and_signed_out_visitors_are_sent_to_sign_in()
    {
        var setup = await SetUpAsync();
        var commissioner = await Factory.CreateUserAsync("cam.commissioner@riverside.example", null, Roles.Commissioner);
        var administrator = await Factory.CreateUserAsync("ada.admin@riverside.example", null, Roles.Administrator);

        var others = await DownloadAsync(await Factory.SignedInAsync(setup.Other.Email!), Url + "?reflections=true");
        Assert.Contains("Learning record of Lee Other", others);
        Assert.Contains("Theirs conclusion text", others);
        Assert.DoesNotContain("Mine", others);
        Assert.DoesNotContain("Ash Learner", others);
        Assert.DoesNotContain(setup.Second.Title, others);
        // A supervisor's own record holds none of their supervisees' learning or logs.
        var supervisors = await DownloadAsync(await Factory.SignedInAsync(setup.Supervisor.Email!), Url + "?reflections=true");
        Assert.Contains("No modules completed yet.", supervisors);
        Assert.DoesNotContain("Mine", supervisors);
        Assert.DoesNotContain("Good link to your visit last week.", supervisors);
        foreach (var person in new[] { commissioner, administrator })
            Assert.Contains("No modules completed yet.", await DownloadAsync(await Factory.SignedInAsync(person.Email!), Url + "?reflections=true"));
        // The route takes no person: anything naming one is ignored.
        var withId = await DownloadAsync(await Factory.SignedInAsync(setup.Other.Email!), $"{Url}?reflections=true&userId={setup.Learner.Id}&id={setup.Learner.Id}");
        Assert.DoesNotContain("Mine", withId);

        var anonymous = await Factory.CreateBrowser().GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery);
    }
}

public sealed class LearningRecordPdfTestsOnSqlite(SqliteAppFactory factory) : LearningRecordPdfTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class LearningRecordPdfTestsOnPostgres(PostgresAppFactory factory) : LearningRecordPdfTests(factory), IClassFixture<PostgresAppFactory>;
