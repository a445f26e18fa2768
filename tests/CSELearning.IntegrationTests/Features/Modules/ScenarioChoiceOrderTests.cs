using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// The choices at a scenario node are shown in an order shuffled for each visit: the same on a reload, after going
/// back and on another device, a new one each time through, and recorded with the decision.
/// </summary>
public abstract class ScenarioChoiceOrderTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Module = SampleScenario.Module;
    private const string Kayla = SampleScenario.Url;
    private const string Email = "dev.patel@riverside.example";

    [Fact]
    public async Task The_order_is_the_same_on_a_reload_after_going_back_and_for_the_same_learner_signed_in_elsewhere()
    {
        var client = await StartedLearnerAsync();
        var first = await ShownAsync(client);

        Assert.Equal(first, await ShownAsync(client));
        var elsewhere = await Factory.SignedInAsync(Email);
        Assert.Equal(first, await ShownAsync(elsewhere));

        await SampleScenario.ChooseAsync(client, "back-late", first[0]);
        Assert.Equal(StatusRedirect, (await client.PostFormAsync(Kayla, Kayla + "/back", [new("revision", "1")])).StatusCode);
        Assert.Equal(first, await ShownAsync(client));
        Assert.Equal(first, await ShownAsync(elsewhere));
    }

    [Fact]
    public async Task Each_decision_records_the_written_choice_and_the_order_it_was_shown_in()
    {
        var client = await StartedLearnerAsync();
        var shown = await ShownAsync(client);

        await SampleScenario.ChooseAsync(client, "back-late", shown[1]);

        var decision = await Factory.WithDbAsync(db => db.ScenarioDecisions.SingleAsync());
        Assert.Equal((shown[1], OptionOrder.Format(shown)), (decision.ChoiceNumber, decision.ShownOrder));
    }

    [Fact]
    public async Task Over_200_playthroughs_each_brings_its_own_order_and_every_choice_is_shown_in_every_place()
    {
        var client = await StartedLearnerAsync();
        var seen = new HashSet<(int Choice, int Place)>();
        var orders = new HashSet<string>();

        for (var playthrough = 1; playthrough <= 200; playthrough++)
        {
            var page = await client.GetPageAsync(Kayla);
            var shown = Shown(page);
            for (var place = 0; place < shown.Length; place++) seen.Add((shown[place], place + 1));
            orders.Add(OptionOrder.Format(shown));
            var revision = SampleScenario.Revision(page);
            var chose = await client.PostWithTokenAsync(Kayla + "/choose", Browser.AntiforgeryToken(page),
                [new("node", "back-late"), new("choice", TestContent.SampleChoiceKey("back-late", shown[0])), new("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.Equal(StatusRedirect, chose.StatusCode);
            var again = await client.PostWithTokenAsync(Kayla + "/start-again", Browser.AntiforgeryToken(page), [new("revision", (revision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.Equal(StatusRedirect, again.StatusCode);
        }

        Assert.Equal(new HashSet<(int, int)> { (1, 1), (1, 2), (2, 1), (2, 2) }, seen);
        Assert.Equal(2, orders.Count);
        var recorded = await Factory.WithDbAsync(db => db.ScenarioDecisions.Select(d => d.ShownOrder).Distinct().CountAsync());
        Assert.Equal(2, recorded);
    }

    [Fact]
    public async Task A_form_from_an_earlier_playthrough_is_refused_and_nothing_is_saved()
    {
        var client = await StartedLearnerAsync();
        var page = await client.GetPageAsync(Kayla);
        var token = Browser.AntiforgeryToken(page);
        KeyValuePair<string, string>[] form = [new("node", "back-late"), new("choice", TestContent.SampleChoiceKey("back-late", 2)), new("revision", "0")];
        Assert.Equal(StatusRedirect, (await client.PostWithTokenAsync(Kayla + "/choose", token, form)).StatusCode);
        Assert.Equal(StatusRedirect, (await client.PostWithTokenAsync(Kayla + "/start-again", token, [new("revision", "1")])).StatusCode);

        var replay = await client.PostWithTokenAsync(Kayla + "/choose", token, form);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("That page was out of date", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
        var position = await Factory.WithDbAsync(db => db.ScenarioPositions.SingleAsync());
        Assert.Equal(("back-late", 2, 0), (position.CurrentNodeId, position.Playthrough, position.Steps));
    }

    private const HttpStatusCode StatusRedirect = HttpStatusCode.Redirect;

    private async Task<HttpClient> StartedLearnerAsync()
    {
        await Factory.CreateUserAsync(Email, await Factory.CreateOrganisationAsync(), Roles.Learner);
        var client = await Factory.SignedInAsync(Email);
        Assert.Equal(StatusRedirect, (await client.PostFormAsync(Module, Module + "/start", [])).StatusCode);
        return client;
    }

    private static async Task<int[]> ShownAsync(HttpClient client) => Shown(await client.GetPageAsync(Kayla));

    private static int[] Shown(string page) => SampleScenario.Shown(page, "back-late");
}

public sealed class ScenarioChoiceOrderTestsOnSqlite(ModuleSqliteAppFactory factory) : ScenarioChoiceOrderTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class ScenarioChoiceOrderTestsOnPostgres(ModulePostgresAppFactory factory) : ScenarioChoiceOrderTests(factory), IClassFixture<ModulePostgresAppFactory>;
