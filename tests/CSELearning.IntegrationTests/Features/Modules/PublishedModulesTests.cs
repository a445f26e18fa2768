using System.Globalization;
using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// The modules the site ships (the repository's content/), each completed end to end by a learner: every
/// section opens, every scenario is played to an ending by recommended practice, every check is passed, and
/// the completion is recorded against the version and hash served.
/// </summary>
public abstract class PublishedModulesTests(AppFactory factory) : IntegrationTest(factory)
{
    private IReadOnlyList<ContentModule> Modules => Factory.Services.GetRequiredService<ContentCatalog>().Modules;

    [Fact]
    public async Task Every_published_module_can_be_completed_end_to_end()
    {
        Assert.Equal(["building-trust", "commissioning-support", "criminal-and-online-exploitation", "grooming-and-exploitation", "transactional-sex-and-exchange"], Modules.Select(m => m.Id).Order());
        var org = await Factory.CreateOrganisationAsync();
        var user = await Factory.CreateUserAsync("dev.patel@riverside.example", org, Roles.Learner);
        var client = await Factory.SignedInAsync(user.Email!);

        foreach (var module in Modules)
        {
            var url = $"/modules/{module.Id}";
            var start = await client.GetPageAsync(url);
            Assert.Contains("Content warning", start);
            Assert.Contains("href=\"/support\"", start);
            Assert.Contains("href=\"/glossary\"", start);
            Assert.Contains("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/law\">Law, guidance and referral routes</a></p>", start);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url + "/start", [])).StatusCode);

            foreach (var section in module.Sections)
            {
                var sectionUrl = $"{url}/{section.Id}";
                var page = await client.GetPageAsync(sectionUrl);
                Assert.Contains("href=\"/support\"", page); // support, and the law and referral routes, are one step away on every page
                Assert.Contains("<p class=\"govuk-body-s\"><a class=\"govuk-link\" href=\"/law\">Law, guidance and referral routes</a></p>", page);
                switch (section)
                {
                    case Scenario scenario:
                        await PlayRecommendedPathAsync(client, sectionUrl, scenario);
                        break;
                    case KnowledgeCheck check:
                        var response = await client.PostFormAsync(sectionUrl, sectionUrl + "/answers", [new("attempt", "1"), .. CorrectAnswers(check)]);
                        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{module.Id}/{check.Id}: {(int)response.StatusCode}");
                        Assert.Contains(": passed</h1>", await client.GetPageAsync(sectionUrl + "/attempts/1"));
                        break;
                }
            }

            var completed = await client.PostFormAsync(url + "/completion", url + "/completion", [new("progress", "1")]);
            Assert.True(completed.StatusCode == HttpStatusCode.Redirect, $"{module.Id}: completion {(int)completed.StatusCode}\n{Browser.Excerpt(await completed.Content.ReadAsStringAsync())}");
        }

        var completions = await Factory.WithDbAsync(db => db.ModuleCompletions.OrderBy(c => c.ModuleId).ToListAsync());
        Assert.Equal(Modules.Select(m => (m.Id, m.Version.ToString(), m.ContentHash, 100)).OrderBy(m => m.Id),
            completions.Select(c => (c.ModuleId, c.ModuleVersion, c.ContentHash, c.ScorePercent)));
    }

    [Fact]
    public async Task The_glossary_and_support_pages_are_open_to_everyone_and_their_citations_land()
    {
        var visitor = Factory.CreateBrowser();

        var glossary = await visitor.GetPageAsync("/glossary");
        var support = await visitor.GetPageAsync("/support");

        Assert.Contains("<h1 class=\"govuk-heading-l\">Glossary</h1>", glossary);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Where to get support</h1>", support);
        Assert.Contains("116 123", support);
        AssertCitationsLand(glossary);
        // Every page links to both from its footer.
        Assert.Contains("<a class=\"govuk-footer__link\" href=\"/support\">Where to get support</a>", await visitor.GetPageAsync("/account/sign-in"));
    }

    [Fact]
    public async Task The_law_page_is_open_to_everyone_linked_from_every_page_and_its_citations_land()
    {
        var visitor = Factory.CreateBrowser();

        var law = await visitor.GetPageAsync("/law");

        Assert.Contains("<h1 class=\"govuk-heading-l\">Law, guidance and referral routes</h1>", law);
        Assert.Contains("id=\"modern-slavery-nrm\"", law);
        AssertCitationsLand(law);
        Assert.Contains("<a class=\"govuk-footer__link\" href=\"/law\">Law and guidance</a>", await visitor.GetPageAsync("/account/sign-in"));
    }

    /// <summary>The page cites, and every citation's link lands on a reference on the same page.</summary>
    private static void AssertCitationsLand(string page)
    {
        var targets = System.Text.RegularExpressions.Regex.Matches(page, "href=\"#(ref-[^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(targets);
        foreach (var target in targets)
            Assert.Contains($"id=\"{target}\"", page);
    }

    private static async Task PlayRecommendedPathAsync(HttpClient client, string url, Scenario scenario)
    {
        var node = scenario.Start!;
        var revision = 0;
        while (!node.IsEnding)
        {
            var number = node.Choices.ToList().FindIndex(c => c.IsRecommended) + 1;
            Assert.True(number > 0, $"{scenario.Id}/{node.Id} has no recommended choice");
            var response = await client.PostFormAsync(url, url + "/choose",
                [new("node", node.Id), new("choice", node.Choices[number - 1].Key), new("revision", revision.ToString(CultureInfo.InvariantCulture))]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{scenario.Id}/{node.Id}: {(int)response.StatusCode}");
            node = scenario.FindNode(node.Choices[number - 1].Target)!;
            revision++;
        }
        Assert.Contains("What good practice would have been", await client.GetPageAsync(url));
    }

    private static IEnumerable<KeyValuePair<string, string>> CorrectAnswers(KnowledgeCheck check) =>
        check.Questions.SelectMany(q => q.Options.Where(o => o.IsCorrect).Select(o => new KeyValuePair<string, string>("answer-" + q.Id, o.Key)));
}

public sealed class PublishedModulesTestsOnSqlite(SqliteAppFactory factory) : PublishedModulesTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class PublishedModulesTestsOnPostgres(PostgresAppFactory factory) : PublishedModulesTests(factory), IClassFixture<PostgresAppFactory>;
