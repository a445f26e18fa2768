using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Features.Modules;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Reporting.Tables;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.ItemAnalysis;

/// <summary>
/// The item-analysis page counts each learner's first attempt at the sample module's check (four questions) and
/// first time through its scenario, across partnerships, and names nobody.
/// </summary>
public abstract partial class ItemAnalysisTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Module = "/modules/recognising-exploitation";
    private const string Check = Module + "/check";
    private const string Page = "/item-analysis?module=recognising-exploitation";
    private const string CsvFile = "/item-analysis.csv?module=recognising-exploitation";

    // Each answer by its option's written number. Right: most-common-risk 2; indicators 1, 3 and 4; cooperation 2;
    // victim-recognition 3.
    private static readonly (string Question, int[] Options)[] AllRight =
        [("most-common-risk", [2]), ("indicators", [1, 3, 4]), ("cooperation", [2]), ("victim-recognition", [3])];
    // Only the first question wrong: total 3.
    private static readonly (string Question, int[] Options)[] FirstWrong =
        [("most-common-risk", [1]), ("indicators", [1, 3, 4]), ("cooperation", [2]), ("victim-recognition", [3])];
    // Everything wrong: total 0.
    private static (string Question, int[] Options)[] AllWrong(int victimOption) =>
        [("most-common-risk", [1]), ("indicators", [2]), ("cooperation", [1]), ("victim-recognition", [victimOption])];

    /// <summary>
    /// Ten first attempts: five all right (total 4), three with only the first question wrong (total 3), two all wrong
    /// (total 0). Each group of the discrimination index is 27% of 10 = 2.7 attempts: the upper group 2.7 of the five
    /// with 4, the lower group the two with 0 and 0.7 of the three with 3.
    /// Question 1 (most-common-risk): right 5 of 10, 50%; upper all right, lower none: 1.00. Option 3, incorrect, chosen by nobody.
    /// Question 2 (indicators): right 8 of 10, 80%; upper 1, lower 0.7 / 2.7 = 0.26: 0.74. Option 5, incorrect, chosen by nobody.
    /// Question 4 (victim-recognition): right 8 of 10, 80%, discrimination 0.74, each wrong option chosen once: no review.
    /// </summary>
    [Fact]
    public async Task The_page_shows_facility_discrimination_and_option_shares_from_first_attempts_only()
    {
        var people = await TenFirstAttemptsAsync();
        var reviewer = await ReviewerAsync();
        var before = WebUtility.HtmlDecode(await reviewer.GetPageAsync(Page));

        var q1 = Question(before, 1);
        Assert.Equal(("10", "50%", "1.00"), Figures(q1));
        Assert.Contains("Needs review", q1, StringComparison.Ordinal);
        Assert.Contains("An incorrect option nobody chose", q1, StringComparison.Ordinal);
        Assert.DoesNotContain("Discrimination below 0.2", q1, StringComparison.Ordinal);
        // Options as written: 1 chosen by the five who got it wrong, 2 (correct) by the five who got it right, 3 by nobody.
        Assert.Equal([("5", "50%", false), ("5", "50%", true), ("fewer than 5", "fewer than 5", false)], Options(q1));

        var q2 = Question(before, 2);
        Assert.Equal(("10", "80%", "0.74"), Figures(q2));
        Assert.Equal([("8", "80%", true), ("fewer than 5", "fewer than 5", false), ("8", "80%", true), ("8", "80%", true), ("fewer than 5", "fewer than 5", false)], Options(q2));
        Assert.Contains("An incorrect option nobody chose", q2, StringComparison.Ordinal);

        var q4 = Question(before, 4);
        Assert.Equal(("10", "80%", "0.74"), Figures(q4));
        Assert.DoesNotContain("Needs review", q4, StringComparison.Ordinal);

        // A second attempt, all right, by one of the two who got everything wrong: the figures stay as they were.
        var retry = await Factory.SignedInAsync(people[^1].Email!);
        await AnswerAsync(retry, 2, AllRight);
        var after = WebUtility.HtmlDecode(await reviewer.GetPageAsync(Page));
        for (var q = 1; q <= 4; q++)
        {
            Assert.Equal(Figures(Question(before, q)), Figures(Question(after, q)));
            Assert.Equal(Options(Question(before, q)), Options(Question(after, q)));
        }
    }

    /// <summary>
    /// Six learners' first time through the scenario: all take the recommended choice at the first point; at the
    /// second, five take it again (and go on to the good ending) and one does not (and reaches the poor ending).
    /// A replay by one of the five, to the poor ending, adds nothing.
    /// </summary>
    [Fact]
    public async Task Each_scenario_choice_and_ending_shows_the_share_of_first_times_through()
    {
        var org = await Factory.CreateOrganisationAsync();
        var clients = new List<HttpClient>();
        for (var i = 1; i <= 6; i++)
        {
            var (client, _) = await StartedLearnerAsync($"player{i}@riverside.example", org);
            await SampleScenario.ChooseAsync(client, "back-late", 1);
            if (i <= 5)
            {
                await SampleScenario.ChooseAsync(client, "next-day", 1);
                await SampleScenario.ChooseAsync(client, "sharing", 1);
            }
            else await SampleScenario.ChooseAsync(client, "next-day", 2);
            clients.Add(client);
        }
        await SampleScenario.StartAgainAsync(clients[0]);
        await SampleScenario.ChooseAsync(clients[0], "back-late", 2);
        await SampleScenario.ChooseAsync(clients[0], "sanction", 2);

        var page = WebUtility.HtmlDecode(await (await ReviewerAsync()).GetPageAsync(Page));
        var first = Between(page, "id=\"point-1\"", "</table>");
        Assert.Contains("people deciding here first time through: 6", first, StringComparison.Ordinal);
        Assert.Equal([("6", "100%", false), ("fewer than 5", "fewer than 5", false)], Options(first));
        var second = Between(page, "id=\"point-2\"", "</table>");
        Assert.Equal([("5", "83.3%", false), ("fewer than 5", "fewer than 5", false)], Options(second));

        var endings = Between(page, "id=\"endings-1\"", "</table>");
        Assert.Contains("people reaching an ending: 6", endings, StringComparison.Ordinal);
        Assert.Equal([("A plan around Kayla", "good", "5", "83.3%"), ("The chance is missed", "poor", "fewer than 5", "fewer than 5")],
            EndingRow().Matches(endings).Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim(), m.Groups[4].Value.Trim())).ToList());
    }

    /// <summary>
    /// The counts kept save by save are the counts the full rebuild (run after a write that goes round the change
    /// tracker, and after erasure) works out from the attempts, second attempts left out by both.
    /// </summary>
    [Fact]
    public async Task The_counts_kept_as_attempts_are_saved_match_a_rebuild_from_the_attempts()
    {
        var people = await TenFirstAttemptsAsync();
        await AnswerAsync(await Factory.SignedInAsync(people[^1].Email!), 2, AllRight);
        var kept = await ItemCountsAsync();
        Assert.Contains("CheckTotal check 4 5", kept, StringComparison.Ordinal);
        Assert.Contains("Option most-common-risk 2 5", kept, StringComparison.Ordinal);

        await Factory.WithDbAsync(db => ReportTables.RebuildAllAsync(db));
        Assert.Equal(kept, await ItemCountsAsync());
    }

    private Task<string> ItemCountsAsync() => Factory.WithDbAsync(async db =>
    {
        var totals = await db.CheckTotalCounts.Select(c => "CheckTotal " + c.CheckId + " " + c.Total + " " + c.Attempts).ToListAsync();
        var questions = await db.QuestionTotalCounts.Select(c => "Question " + c.QuestionId + " " + c.Total + " " + c.Correct).ToListAsync();
        var options = await db.OptionChoiceCounts.Select(c => "Option " + c.QuestionId + " " + c.OptionNumber + " " + c.Attempts).ToListAsync();
        return string.Join("\n", totals.Concat(questions).Concat(options).Order(StringComparer.Ordinal));
    });

    [Fact]
    public async Task Figures_from_fewer_than_five_first_attempts_are_suppressed_and_flag_nothing()
    {
        var org = await Factory.CreateOrganisationAsync();
        for (var i = 1; i <= 4; i++)
            await AnswerAsync((await StartedLearnerAsync($"few{i}@riverside.example", org)).Client, 1, i == 4 ? AllWrong(1) : AllRight);

        var page = WebUtility.HtmlDecode(await (await ReviewerAsync()).GetPageAsync(Page));
        for (var q = 1; q <= 4; q++)
        {
            var question = Question(page, q);
            Assert.Equal(("fewer than 5", "fewer than 5", "fewer than 5"), Figures(question));
            Assert.All(Options(question), o => Assert.Equal(("fewer than 5", "fewer than 5"), (o.Chosen, o.Share)));
            Assert.DoesNotContain("Needs review", question, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_csv_holds_the_same_figures_and_neither_page_nor_csv_names_anyone()
    {
        var people = await TenFirstAttemptsAsync();
        var reviewer = await ReviewerAsync();
        var response = await reviewer.GetAsync(CsvFile);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Kind,Check or scenario,Question or decision point,Option,Correct or recommended,First attempts or people,Share choosing,Facility,Discrimination,Needs review", lines[0]);
        var q1 = Assert.Single(lines, l => l.StartsWith("Question,Check your understanding,\"Question 1: In the Kirklees case review", StringComparison.Ordinal));
        Assert.EndsWith(",,,10,,50%,1.00,Yes: An incorrect option nobody chose: it distracts no one", q1, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("Option,Check your understanding,\"Question 1:", StringComparison.Ordinal)
            && l.Contains("Option 2: Going missing again and again", StringComparison.Ordinal) && l.EndsWith(",Correct,5,50%,,,", StringComparison.Ordinal));
        var q4 = Assert.Single(lines, l => l.StartsWith("Question,Check your understanding,Question 4:", StringComparison.Ordinal));
        Assert.EndsWith(",,,10,,80%,0.74,No", q4, StringComparison.Ordinal);

        var page = await reviewer.GetPageAsync(Page);
        foreach (var person in people)
        {
            foreach (var text in new[] { page, WebUtility.HtmlDecode(page), csv })
            {
                Assert.DoesNotContain(person.DisplayName, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(person.Email!, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Content_reviewers_and_administrators_see_it_and_everyone_else_is_refused()
    {
        var org = await Factory.CreateOrganisationAsync();
        Assert.Contains("Item analysis", await (await ReviewerAsync()).GetPageAsync(Page), StringComparison.Ordinal);
        await Factory.CreateUserAsync("ada.admin@riverside.example", null, Roles.Administrator);
        var admin = await Factory.SignedInAsync("ada.admin@riverside.example");
        Assert.Contains("Item analysis", await admin.GetPageAsync(Page), StringComparison.Ordinal);
        Assert.Contains("href=\"/item-analysis\"", await admin.GetPageAsync("/"), StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Learner, Roles.Supervisor, Roles.Commissioner })
        {
            var person = await Factory.CreateUserAsync($"{role.ToLowerInvariant()}@riverside.example", org, role);
            var client = await Factory.SignedInAsync(person.Email!);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(CsvFile)).StatusCode);
            Assert.DoesNotContain("href=\"/item-analysis\"", await client.GetPageAsync("/"), StringComparison.Ordinal);
        }
        var anonymous = await Factory.CreateBrowser().GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_reviewer_sees_no_person_and_no_list_of_people()
    {
        var reviewer = await ReviewerAsync();
        Assert.Contains("href=\"/item-analysis\"", await reviewer.GetPageAsync("/"), StringComparison.Ordinal);
        foreach (var url in new[] { "/admin/users", "/reports/uptake", "/supervision/caseload", "/certificates/download" })
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(url)).StatusCode);
    }

    private async Task<HttpClient> ReviewerAsync()
    {
        await Factory.CreateUserAsync("rae.reviewer@riverside.example", null, Roles.ContentReviewer);
        return await Factory.SignedInAsync("rae.reviewer@riverside.example");
    }

    private async Task<List<User>> TenFirstAttemptsAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var people = new List<User>();
        for (var i = 1; i <= 10; i++)
        {
            var (client, person) = await StartedLearnerAsync($"learner{i}@riverside.example", org);
            await AnswerAsync(client, 1, i <= 5 ? AllRight : i <= 8 ? FirstWrong : AllWrong(i == 9 ? 1 : 2));
            people.Add(person);
        }
        return people;
    }

    private async Task<(HttpClient Client, User Person)> StartedLearnerAsync(string email, TestData.Organisation org)
    {
        var person = await Factory.CreateUserAsync(email, org, Roles.Learner);
        var client = await Factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Module, Module + "/start", [])).StatusCode);
        return (client, person);
    }

    private static async Task AnswerAsync(HttpClient client, int attempt, (string Question, int[] Options)[] answers)
    {
        var fields = answers.SelectMany(a => a.Options.Select(n => SampleAnswers.Answer(a.Question, n)));
        var response = await client.PostFormAsync(Check, Check + "/answers", [new("attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    // The page's part for one question, up to the next.
    private static string Question(string page, int number)
    {
        var start = page.IndexOf($"id=\"question-{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No question {number} on the page");
        var end = page.IndexOf("id=\"question-", start + 10, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.IndexOf("Scenario decision points", start, StringComparison.Ordinal) : end)];
    }

    private static string Between(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is not on the page");
        return page[from..page.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static (string Attempts, string Facility, string Discrimination) Figures(string question) =>
        (Figure(question, "attempts"), Figure(question, "facility"), Figure(question, "discrimination"));

    private static string Figure(string question, string name) =>
        Regex.Match(question, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value.Trim();

    private static List<(string Chosen, string Share, bool Correct)> Options(string question) =>
        OptionRow().Matches(question).Select(m => (m.Groups[3].Value.Trim(), m.Groups[4].Value.Trim(), m.Groups[2].Value.Contains("Correct", StringComparison.Ordinal))).ToList();

    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header\">\\s*Option (\\d+):(.*?)</th>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex OptionRow();

    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header\">([^<]*)</th>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>")]
    private static partial Regex EndingRow();
}

public sealed class ItemAnalysisTestsOnSqlite(ModuleSqliteAppFactory factory) : ItemAnalysisTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class ItemAnalysisTestsOnPostgres(ModulePostgresAppFactory factory) : ItemAnalysisTests(factory), IClassFixture<ModulePostgresAppFactory>;
