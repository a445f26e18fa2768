using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// At an ending the learner reads their route beside the recommended one, and what other people chose at each of their
/// decisions once at least five have made it. Kayla: back-late → (1) next-day | (2) sanction; next-day → (1) sharing |
/// (2) missed; sanction → (1) sharing | (2) missed; sharing → (1) protected (good) | (2) missed (poor). Every node
/// recommends its first choice.
/// </summary>
public abstract class RouteReviewTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Welcome = "Welcome her back, check she is safe and well, and offer her something warm before she sleeps";
    private const string Sanction = "Tell her that her phone will be taken away if she goes missing again";

    [Fact]
    public async Task At_an_ending_each_decision_shows_what_was_chosen_what_was_recommended_and_why()
    {
        var organisation = await Factory.CreateOrganisationAsync();
        var client = await StartedLearnerAsync("ada@riverside.example", organisation);

        await SampleScenario.PlayAsync(client, ("back-late", 2), ("sanction", 1), ("sharing", 2));

        var page = await client.GetPageAsync(SampleScenario.Url);
        Assert.Contains("How this turned out: <strong class=\"govuk-tag govuk-tag--red\">poor outcome</strong>", page);
        var first = Decision(page, 1);
        Assert.Contains("Decision 1: Two in the morning", first);
        Assert.Contains($"You chose</dt>", first);
        Assert.Contains(Sanction, first);
        Assert.Contains("Not the recommended choice", first);
        Assert.Contains(Welcome, first);
        Assert.Contains("Coming back is the moment a child decides whether this place is safe to talk in.", first);
        Assert.Contains("Fewer than 5 people have made this decision so far", first);
        var second = Decision(page, 2);
        Assert.Contains("Decision 2: The weekend", second);
        Assert.Contains("Recommended practice", second);
        Assert.Contains("Decision 3: The meeting", Decision(page, 3));
        Assert.DoesNotContain("id=\"decision-4\"", page);
        // One of three decisions went the recommended way the first time.
        Assert.Contains("You chose a recommended option at 1 of 3 decisions the first time you made them (33%)", page);
    }

    [Fact]
    public async Task A_decision_went_back_on_is_not_on_the_route()
    {
        var client = await StartedLearnerAsync("ada@riverside.example", await Factory.CreateOrganisationAsync());

        await SampleScenario.PlayAsync(client, ("back-late", 2));
        await SampleScenario.GoBackAsync(client);
        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 2));

        var page = await client.GetPageAsync(SampleScenario.Url);
        Assert.Contains(Welcome, Decision(page, 1));
        Assert.DoesNotContain(Sanction, Decision(page, 1));
        Assert.Contains("Decision 2: The next afternoon", Decision(page, 2));
        Assert.DoesNotContain("id=\"decision-3\"", page);
    }

    [Fact]
    public async Task Once_five_people_have_made_a_decision_the_route_shows_the_share_choosing_each_option()
    {
        var organisation = await Factory.CreateOrganisationAsync();
        // Four welcome Kayla back and one threatens a sanction, each their first time through.
        for (var i = 1; i <= 5; i++)
        {
            var peer = await StartedLearnerAsync($"peer{i}@riverside.example", organisation);
            await SampleScenario.PlayAsync(peer, i <= 4 ? [("back-late", 1), ("next-day", 2)] : [("back-late", 2), ("sanction", 2)]);
        }
        var client = await StartedLearnerAsync("ada@riverside.example", organisation);

        await SampleScenario.PlayAsync(client, ("back-late", 2), ("sanction", 2));

        var first = Decision(await client.GetPageAsync(SampleScenario.Url), 1);
        // Six have decided at the first point now, the learner among them: four welcomed her (67%), two threatened (33%).
        Assert.Contains("Of the 6 people who made this decision the first time through:", first);
        Assert.Contains($"67% chose “{Welcome}” (recommended)", first);
        Assert.Contains($"33% chose “{Sanction}”", first);
        // Only two have been to the weekend: no shares there.
        Assert.Contains("Fewer than 5 people have made this decision so far", Decision(await client.GetPageAsync(SampleScenario.Url), 2));
    }

    [Fact]
    public async Task A_replay_does_not_count_again_among_the_peers()
    {
        var organisation = await Factory.CreateOrganisationAsync();
        var client = await StartedLearnerAsync("ada@riverside.example", organisation);
        for (var i = 0; i < 5; i++)
        {
            await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 2));
            await SampleScenario.StartAgainAsync(client);
        }
        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 2));

        Assert.Contains("Fewer than 5 people have made this decision so far", Decision(await client.GetPageAsync(SampleScenario.Url), 1));
    }

    private static string Decision(string page, int number)
    {
        var start = page.IndexOf($"id=\"decision-{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"There is no decision {number} on the page.");
        var end = page.IndexOf($"id=\"decision-{number + 1}\"", start, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private async Task<HttpClient> StartedLearnerAsync(string email, TestData.Organisation organisation)
    {
        await Factory.CreateUserAsync(email, organisation, Roles.Learner);
        var client = await Factory.SignedInAsync(email);
        await client.PostFormAsync(SampleScenario.Module, SampleScenario.Module + "/start", []);
        return client;
    }

}

public sealed class RouteReviewTestsOnSqlite(ModuleSqliteAppFactory factory) : RouteReviewTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class RouteReviewTestsOnPostgres(ModulePostgresAppFactory factory) : RouteReviewTests(factory), IClassFixture<ModulePostgresAppFactory>;
