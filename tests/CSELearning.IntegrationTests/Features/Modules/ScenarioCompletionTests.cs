using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// How each time through a scenario went is shown on the completion page and in My learning, and a module may require
/// a good ending in each scenario for completion. Kayla: back-late → (1) next-day | (2) sanction; next-day → (1) sharing
/// | (2) missed (poor); sharing → (1) protected (good) | (2) missed.
/// </summary>
public abstract class ScenarioCompletionTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Check = SampleScenario.Module + "/check";
    private const string Completion = SampleScenario.Module + "/completion";

    [Fact]
    public async Task Where_a_good_ending_is_required_a_poor_first_ending_leaves_the_scenario_outstanding_until_a_time_through_ends_well()
    {
        using var variant = Factory.WithWebHostBuilder(builder => builder.UseSetting("Content:Directory", TestContent.SampleVariant(text =>
            text.Replace("cpd_hours: 0.5", "cpd_hours: 0.5\nrequire_good_ending: true", StringComparison.Ordinal))));
        var client = await LearnerAsync(variant);

        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 2));
        await PassCheckAsync(client);
        // Going back from the poor ending to the good one does not change how this time through ended.
        await SampleScenario.GoBackAsync(client);
        await SampleScenario.PlayAsync(client, ("next-day", 1), ("sharing", 1));

        var page = await client.GetPageAsync(Completion);
        Assert.Contains("reach a good ending in", page);
        Assert.Contains("id=\"good-ending-rule\"", page);
        // A form sent anyway (the page offers none) is refused.
        var refused = await client.PostWithTokenAsync(Completion, Browser.AntiforgeryToken(await client.GetPageAsync(SampleScenario.Url)), [new("progress", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync()));

        await SampleScenario.StartAgainAsync(client);
        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 1), ("sharing", 1));

        page = await client.GetPageAsync(Completion);
        Assert.Contains("You have reached a good ending in every scenario", page);
        var completed = await client.PostFormAsync(Completion, Completion, [new("progress", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync()));
        var results = Results(await client.GetPageAsync(Completion));
        Assert.Contains("govuk-tag--red\">poor outcome", results.First);
        Assert.Contains("Recommended choice at 1 of 2 decisions (50%)", results.First);
        Assert.Contains("govuk-tag--green\">good outcome", results.Best);
        Assert.Contains("Played 2 times", results.Best);
    }

    [Fact]
    public async Task By_default_any_ending_completes_and_the_completion_page_and_my_learning_say_how_the_first_time_through_went()
    {
        var client = await LearnerAsync(Factory);

        await SampleScenario.PlayAsync(client, ("back-late", 2), ("sanction", 1), ("sharing", 1));
        await PassCheckAsync(client);
        var completed = await client.PostFormAsync(Completion, Completion, [new("progress", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var results = Results(await client.GetPageAsync(Completion));
        Assert.Contains("govuk-tag--green\">good outcome", results.First);
        Assert.Contains("Recommended choice at 2 of 3 decisions (66%)", results.First);
        Assert.Contains("Played once", results.Best);
        Assert.Contains("Kayla comes back late: first time through, good outcome, recommended choice at 66% of decisions", await client.GetPageAsync("/my-learning"));
    }

    [Fact]
    public async Task Another_learners_runs_are_not_shown_as_yours()
    {
        var organisation = await Factory.CreateOrganisationAsync();
        await Factory.CreateUserAsync("other@riverside.example", organisation, Roles.Learner);
        var other = await Factory.SignedInAsync("other@riverside.example");
        await other.PostFormAsync(SampleScenario.Module, SampleScenario.Module + "/start", []);
        await SampleScenario.PlayAsync(other, ("back-late", 1), ("next-day", 2));
        var client = await LearnerAsync(Factory, organisation);

        Assert.DoesNotContain("scenario-results", await client.GetPageAsync(Completion));
        Assert.DoesNotContain("first time through", await client.GetPageAsync("/my-learning"));
    }

    private static (string First, string Best) Results(string page)
    {
        var start = page.IndexOf("id=\"scenario-results\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no scenario results.");
        var row = page[page.IndexOf("<tbody", start, StringComparison.Ordinal)..page.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        var cells = row.Split("<td class=\"govuk-table__cell\">");
        return (cells[1], cells[2]);
    }

    private async Task<HttpClient> LearnerAsync(WebApplicationFactory<Program> site, TestData.Organisation? organisation = null)
    {
        var user = await Factory.CreateUserAsync("dev.patel@riverside.example", organisation ?? await Factory.CreateOrganisationAsync(), Roles.Learner);
        var client = await site.SignedInAsync(user.Email!);
        await client.PostFormAsync(SampleScenario.Module, SampleScenario.Module + "/start", []);
        return client;
    }

    private static async Task PassCheckAsync(HttpClient client)
    {
        var response = await client.PostFormAsync(Check, Check + "/answers",
        [
            new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 2), SampleAnswers.Answer("indicators", 1), SampleAnswers.Answer("indicators", 3),
            SampleAnswers.Answer("indicators", 4), SampleAnswers.Answer("cooperation", 2), SampleAnswers.Answer("victim-recognition", 3),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

}

public sealed class ScenarioCompletionTestsOnSqlite(ModuleSqliteAppFactory factory) : ScenarioCompletionTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class ScenarioCompletionTestsOnPostgres(ModulePostgresAppFactory factory) : ScenarioCompletionTests(factory), IClassFixture<ModulePostgresAppFactory>;
