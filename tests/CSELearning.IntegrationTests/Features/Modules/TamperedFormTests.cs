using System.Globalization;
using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// How a scenario ends, a check's score and a completion's figures are worked out on the server. A form that sends a
/// field its page never has, claiming one of them, is refused with a message saying so, and nothing is saved.
/// </summary>
public abstract class TamperedFormTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Check = SampleScenario.Module + "/check";
    private const string Completion = SampleScenario.Module + "/completion";

    [Theory]
    [InlineData("ending", "protected")]
    [InlineData("outcome", "good")]
    [InlineData("score", "1")]
    public async Task A_scenario_choice_sent_with_an_ending_or_score_is_refused_and_nothing_is_saved(string field, string value)
    {
        var client = await LearnerAsync();
        var page = await client.GetPageAsync(SampleScenario.Url);

        var response = await client.PostWithTokenAsync(SampleScenario.Url + "/choose", Browser.AntiforgeryToken(page),
            [new("node", "back-late"), new("choice", TestContent.SampleChoiceKey("back-late", 1)),
             new("revision", SampleScenario.Revision(page).ToString(CultureInfo.InvariantCulture)), new(field, value)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That form sent something this page never sends, such as an ending or a score, so nothing was changed.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal((0, 0), await Factory.WithDbAsync(async db => (await db.ScenarioDecisions.CountAsync(), await db.ScenarioRuns.CountAsync())));
        // The same choice sent as the page sends it is taken.
        await SampleScenario.ChooseAsync(client, "back-late", 1);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
    }

    [Fact]
    public async Task A_check_sent_with_a_score_is_refused_and_no_attempt_is_recorded()
    {
        var client = await LearnerAsync();

        var response = await client.PostFormAsync(Check, Check + "/answers",
        [
            new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 1), SampleAnswers.Answer("indicators", 2),
            SampleAnswers.Answer("cooperation", 1), SampleAnswers.Answer("victim-recognition", 1), new("score", "100"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That form sent something this page never sends, such as a score, so nothing was recorded.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CheckAttempts.CountAsync()));
    }

    [Fact]
    public async Task A_completion_sent_with_a_score_or_hours_is_refused_and_nothing_is_recorded()
    {
        var client = await LearnerAsync();
        foreach (var node in new[] { "back-late", "next-day", "sharing" }) await SampleScenario.ChooseAsync(client, node, 1);
        await client.PostFormAsync(Check, Check + "/answers",
        [
            new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 2), SampleAnswers.Answer("indicators", 1), SampleAnswers.Answer("indicators", 3),
            SampleAnswers.Answer("indicators", 4), SampleAnswers.Answer("cooperation", 2), SampleAnswers.Answer("victim-recognition", 3),
        ]);

        var response = await client.PostFormAsync(Completion, Completion, [new("progress", "1"), new("CpdHours", "40"), new("score", "100")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That form sent something this page never sends, such as a score or CPD hours, so nothing was recorded.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal((0, 0), await Factory.WithDbAsync(async db => (await db.ModuleCompletions.CountAsync(), await db.Certificates.CountAsync())));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Completion, Completion, [new("progress", "1")])).StatusCode);
    }

    private async Task<HttpClient> LearnerAsync()
    {
        await Factory.CreateUserAsync("dev.patel@riverside.example", await Factory.CreateOrganisationAsync(), Roles.Learner);
        var client = await Factory.SignedInAsync("dev.patel@riverside.example");
        await client.PostFormAsync(SampleScenario.Module, SampleScenario.Module + "/start", []);
        return client;
    }
}

public sealed class TamperedFormTestsOnSqlite(ModuleSqliteAppFactory factory) : TamperedFormTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class TamperedFormTestsOnPostgres(ModulePostgresAppFactory factory) : TamperedFormTests(factory), IClassFixture<ModulePostgresAppFactory>;
