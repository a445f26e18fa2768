using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// A knowledge check shows each question's options in an order shuffled for each attempt: the same on a reload and
/// on another device, a new one for the next attempt, kept with the attempt so its review shows what was seen.
/// </summary>
public abstract partial class CheckOrderTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Email = "dev.patel@riverside.example";
    private const string Module = "/modules/recognising-exploitation";
    private const string Check = Module + "/check";

    private KnowledgeCheck SampleCheck =>
        Factory.Services.GetRequiredService<ContentCatalog>().Find("recognising-exploitation")!.SectionsOf<KnowledgeCheck>().Single();

    [Fact]
    public async Task The_order_holds_on_a_reload_and_another_device_and_the_next_attempt_has_a_new_one()
    {
        var client = await LearnerAsync();
        var first = Order(await client.GetPageAsync(Check));
        Assert.Equal(first, Order(await client.GetPageAsync(Check)));
        var otherDevice = await Factory.SignedInAsync(Email);
        Assert.Equal(first, Order(await otherDevice.GetPageAsync(Check)));

        await FailAsync(client, 1);
        var second = Order(await otherDevice.GetPageAsync(Check));
        Assert.NotEqual(first, second);
        Assert.Equal(second, Order(await client.GetPageAsync(Check)));

        // Kept with the attempt: once passed, attempt 1's review lists the options as attempt 1 showed them.
        var passed = await client.PostFormAsync(Check, Check + "/answers", [new("attempt", "2"), .. CorrectAnswers()]);
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.CheckAttempts.OrderBy(a => a.Number).ToListAsync());
        Assert.Equal(first, stored[0].ShownOrder(SampleCheck).ToDictionary(q => q.Key, q => q.Value.Select(n => SampleAnswers.Key(q.Key, n)).ToList()), new OrderComparer());
        Assert.Equal(second, stored[1].ShownOrder(SampleCheck).ToDictionary(q => q.Key, q => q.Value.Select(n => SampleAnswers.Key(q.Key, n)).ToList()), new OrderComparer());
        var review = WebUtility.HtmlDecode(await client.GetPageAsync(Check + "/attempts/1"));
        var indicators = SampleCheck.Questions.Single(q => q.Id == "indicators");
        var places = first["indicators"].Select(key => review.IndexOf(
            WebUtility.HtmlDecode(indicators.Options.Single(o => o.Key == key).Explanation.Html.Value!), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, places);
        Assert.Equal(places.Order(), places);
    }

    [Fact]
    public async Task Over_two_hundred_attempts_every_option_is_shown_in_every_place()
    {
        var client = await LearnerAsync();
        var seen = new HashSet<(string Key, int Place)>();
        for (var attempt = 1; attempt <= 200; attempt++)
        {
            var order = Order(await client.GetPageAsync(Check));
            foreach (var (_, keys) in order)
                for (var place = 0; place < keys.Count; place++) seen.Add((keys[place], place));
            await FailAsync(client, attempt);
        }
        var expected = SampleCheck.Questions.SelectMany(q => q.Options.SelectMany(o => Enumerable.Range(0, q.Options.Count).Select(place => (o.Key, place))));
        Assert.DoesNotContain(expected, e => !seen.Contains(e));
        Assert.Equal(200, await Factory.WithDbAsync(db => db.CheckAttempts.CountAsync(a => a.OptionOrder != null)));
    }

    [Fact]
    public async Task A_form_from_an_earlier_attempt_is_refused_and_records_nothing_more()
    {
        var client = await LearnerAsync();
        var page = await client.GetPageAsync(Check);
        var token = Browser.AntiforgeryToken(page);
        await FailAsync(client, 1);

        // The first attempt's form, with its order, sent again as it was.
        var replay = await client.PostWithTokenAsync(Check + "/answers", token, [new("attempt", "1"), .. CorrectAnswers()]);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("Those answers were already submitted as attempt 1, so nothing more was recorded.", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()));
        Assert.Equal([false], await Factory.WithDbAsync(db => db.CheckAttempts.Select(a => a.Passed).ToListAsync()));
    }

    private async Task<HttpClient> LearnerAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        await Factory.CreateUserAsync(Email, org, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Module, Module + "/start", [])).StatusCode);
        return client;
    }

    // An attempt with a wrong answer to every question.
    private async Task FailAsync(HttpClient client, int attempt)
    {
        var wrong = SampleCheck.Questions.Select(q => new KeyValuePair<string, string>("answer-" + q.Id, q.Options.First(o => !o.IsCorrect).Key));
        var response = await client.PostFormAsync(Check, Check + "/answers", [new("attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. wrong]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private IEnumerable<KeyValuePair<string, string>> CorrectAnswers() =>
        SampleCheck.Questions.SelectMany(q => q.Options.Where(o => o.IsCorrect).Select(o => new KeyValuePair<string, string>("answer-" + q.Id, o.Key)));

    // Each question's option keys in the order the page shows them.
    private static Dictionary<string, List<string>> Order(string page) =>
        OptionInput().Matches(page).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Select(m => m.Groups[2].Value).ToList());

    [GeneratedRegex("name=\"answer-([a-z0-9-]+)\" type=\"(?:radio|checkbox)\" value=\"([0-9a-f]+)\"")]
    private static partial Regex OptionInput();

    private sealed class OrderComparer : IEqualityComparer<Dictionary<string, List<string>>>
    {
        public bool Equals(Dictionary<string, List<string>>? x, Dictionary<string, List<string>>? y) =>
            x is not null && y is not null && x.Count == y.Count && x.All(q => y.TryGetValue(q.Key, out var other) && q.Value.SequenceEqual(other));

        public int GetHashCode(Dictionary<string, List<string>> obj) => obj.Count;
    }
}

public sealed class CheckOrderTestsOnSqlite(ModuleSqliteAppFactory factory) : CheckOrderTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class CheckOrderTestsOnPostgres(ModulePostgresAppFactory factory) : CheckOrderTests(factory), IClassFixture<ModulePostgresAppFactory>;
