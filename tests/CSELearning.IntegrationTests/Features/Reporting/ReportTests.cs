using System.Net;
using System.Text;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Reporting.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Reporting;

/// <summary>
/// The reports (uptake, trends, scenario choices) against a small partnership built by hand, so every figure can be worked out on paper:
///
/// Riverside, North agency: ten social workers with the Learner role (in the sample module's audience).
/// N1–N5 completed in March 2026 after 10, 20, 30, 40 and 50 minutes; N6 completed in June after 60;
/// N7 started in March and stopped; N8 and N9 completed in 2025 a version a major change has superseded
/// (refresh due); N10 never started. Also in North but not in scope: a manager (not in the
/// module's audience), a deactivated social worker who completed, and a commissioner (no Learner role).
/// Riverside, South agency: three police officers, one of whom completed: every figure fewer than five.
/// Riverside, East agency: six social workers who all started in March and none of whom completed. A breakdown's
/// groups add up to the module's figures, so South's small counts take East's (the smallest others) with them.
/// The fixture's second module, for police officers only, has South's three in scope and nobody else.
/// Hillside, another partnership: six completed learners, never in Riverside's figures.
/// </summary>
public abstract partial class ReportTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string ModuleId = "recognising-exploitation";
    private const string Title = "Recognising the signs of child sexual exploitation";
    private const string Police = "First steps for police officers";
    private const string Header = "Module,Agency,Learners in scope,Started,Completed,Completion rate,Median learning time,Refresh due";
    private const string Withheld = "not shown (to protect a small number)";

    private sealed record Cast(Guid Riverside, Guid North, Guid South, Guid East, Guid Hillside, Guid HillsideAgency, string Commissioner, string HillsideCommissioner);

    [Fact]
    public async Task Figures_by_agency_match_the_hand_built_partnership_and_small_groups_are_suppressed()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var csv = await CsvAsync(client, "/reports/uptake.csv?by=Agency");

        Assert.Equal([
            Header,
            $"{Police},South,{Suppressed(6)}",
            $"{Title},East,{Withheld},{Withheld},{Suppressed(4)}",
            $"{Title},North,10,9,6,60%,35 minutes,fewer than 5",
            $"{Title},South,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5",
        ], csv);
        var page = await client.GetPageAsync("/reports/uptake?by=Agency");
        Assert.Contains("Riverside Safeguarding Partnership", page);
        Assert.DoesNotContain("Hillside", page);
        Assert.Contains("<svg", page);
        Assert.Contains("aria-labelledby=\"rate-chart-title\"", page);
        // The chart draws North's 60% (216 of 360) and no bar for South's suppressed rate.
        Assert.Contains("width=\"216\" height=\"18\" class=\"app-chart__bar\"", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "class=\"app-chart__bar\""));
    }

    [Fact]
    public async Task The_period_narrows_started_and_completed_but_not_who_is_in_scope()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var march = await CsvAsync(client, $"/reports/uptake.csv?by=Agency&agency={cast.North}&from=2026-03-01&to=2026-03-31");
        var june = await CsvAsync(client, $"/reports/uptake.csv?by=Agency&agency={cast.North}&from=2026-06-01");

        Assert.Equal([Header, $"{Title},North,10,6,5,50%,30 minutes,fewer than 5"], march);
        Assert.Equal([Header, $"{Title},North,10,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5"], june);
    }

    [Theory]
    [InlineData("Module")]
    [InlineData("Agency")]
    [InlineData("Team")]
    [InlineData("Role")]
    public async Task A_period_covering_everything_gives_the_figures_of_no_period(string by)
    {
        // A view with no period reads the uptake counts; one with a period, the uptake rows in it: the two must agree.
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var always = await CsvAsync(client, $"/reports/uptake.csv?by={by}");
        var everything = await CsvAsync(client, $"/reports/uptake.csv?by={by}&from=2000-01-01&to=2099-12-31");
        var north = await CsvAsync(client, $"/reports/uptake.csv?by={by}&agency={cast.North}&role=SocialWorker&module={ModuleId}");
        var northEverything = await CsvAsync(client, $"/reports/uptake.csv?by={by}&agency={cast.North}&role=SocialWorker&module={ModuleId}&from=2000-01-01");

        Assert.Equal(always, everything);
        Assert.Equal(north, northEverything);
        Assert.Contains(always, line => line.StartsWith(Title, StringComparison.Ordinal) && line.Contains(" minutes", StringComparison.Ordinal));
        // North's social workers, whichever way they are broken down, are the hand-built figures.
        Assert.Contains(north, line => line.EndsWith(",10,9,6,60%,35 minutes,fewer than 5", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Agency", "")]
    [InlineData("Agency", "&from=2000-01-01")]
    [InlineData("Team", "&from=2000-01-01")]
    [InlineData("Role", "&from=2000-01-01")]
    public async Task No_one_in_scope_gives_no_rows_with_or_without_a_period(string by, string period)
    {
        // Riverside has no youth workers: no one is in scope of any module and no one started one.
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var csv = await CsvAsync(client, $"/reports/uptake.csv?by={by}&role=YouthWorker{period}");

        Assert.Single(csv);
        Assert.StartsWith("Module,", csv[0], StringComparison.Ordinal);
        Assert.Contains("No one is in scope for these filters.", await client.GetPageAsync($"/reports/uptake?by={by}&role=YouthWorker{period}"));
    }

    [Fact]
    public async Task By_module_every_module_has_its_row_even_with_no_one_in_scope_with_or_without_a_period()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var always = await CsvAsync(client, "/reports/uptake.csv?by=Module&role=YouthWorker");
        var inPeriod = await CsvAsync(client, "/reports/uptake.csv?by=Module&role=YouthWorker&from=2000-01-01");

        Assert.Equal(3, always.Length);
        Assert.All(always.Skip(1), line => Assert.EndsWith(string.Concat(Enumerable.Repeat(",fewer than 5", 6)), line, StringComparison.Ordinal));
        Assert.Equal(always, inPeriod);
    }

    [Fact]
    public async Task Figures_break_down_by_module_and_job_role_and_filter_by_role()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        Assert.Equal([
            "Module,Learners in scope,Started,Completed,Completion rate,Median learning time,Refresh due",
            $"{Police},{Suppressed(6)}",
            $"{Title},19,16,7,36.8%,30 minutes,fewer than 5",
        ], await CsvAsync(client, "/reports/uptake.csv?by=Module"));
        Assert.Equal([
            "Module,Job role,Learners in scope,Started,Completed,Completion rate,Median learning time,Refresh due",
            $"{Police},Police officer or staff,{Suppressed(6)}",
            $"{Title},Police officer or staff,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5",
            $"{Title},Social worker,{Withheld},{Withheld},{Withheld},{Withheld},35 minutes,fewer than 5",
        ], await CsvAsync(client, "/reports/uptake.csv?by=Role"));
        Assert.Equal([
            "Module,Team,Learners in scope,Started,Completed,Completion rate,Median learning time,Refresh due",
            $"{Title},East Exploitation Team,6,6,{Suppressed(4)}",
            $"{Title},North Exploitation Team,10,9,{Withheld},{Withheld},35 minutes,fewer than 5",
        ], await CsvAsync(client, $"/reports/uptake.csv?by=Team&role=SocialWorker&module={ModuleId}"));
    }

    [Fact]
    public async Task A_commissioner_sees_only_their_own_partnership()
    {
        var cast = await CastAsync();
        var hillside = await Factory.SignedInAsync(cast.HillsideCommissioner);

        Assert.Equal([Header, $"{Title},Hillside Partnership Children's Services,6,6,6,100%,15 minutes,fewer than 5"], await CsvAsync(hillside, "/reports/uptake.csv"));
        foreach (var url in new[]
        {
            $"/reports/uptake?partnership={cast.Riverside}", $"/reports/uptake.csv?partnership={cast.Riverside}",
            $"/reports/uptake?agency={cast.North}", $"/reports/uptake.csv?agency={cast.North}",
        })
        {
            var response = await hillside.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("North", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_administrator_chooses_any_partnership()
    {
        var cast = await CastAsync();
        var admin = await AdministratorAsync(cast);

        Assert.Equal([Header, $"{Title},Hillside Partnership Children's Services,6,6,6,100%,15 minutes,fewer than 5"],
            await CsvAsync(admin, $"/reports/uptake.csv?partnership={cast.Hillside}"));
        var page = await admin.GetPageAsync($"/reports/uptake?partnership={cast.Riverside}");
        Assert.Contains("<select class=\"govuk-select\" id=\"partnership\" name=\"partnership\">", page);
        Assert.Contains(">North</td>", page);
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    public async Task Learners_and_supervisors_are_forbidden_every_report(string role)
    {
        var org = await Factory.CreateOrganisationAsync();
        var person = await Factory.CreateUserAsync($"{role.ToLowerInvariant()}@riverside.example", org, role);
        var client = await Factory.SignedInAsync(person.Email!);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password"));
        // Every endpoint the access table gives the reporting policy, so a new report is covered when it is listed.
        var reports = Platform.RouteAccessTests.Expected.Where(e => e.Value == CSELearning.Web.Infrastructure.Authorization.Policies.Reporting).Select(e => e.Key).ToList();
        Assert.Contains("GET /reports/xapi.json", reports);

        foreach (var endpoint in reports)
        {
            var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1].Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
            var response = method == "GET" ? await client.GetAsync(path) : await client.PostWithTokenAsync(path, token, []);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint}: a {role} got {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("role=Wizard", "Choose a job role from the list")]
    [InlineData("from=31-31-2026", "Enter the start of the period as a date")]
    [InlineData("from=2026-05-01&to=2026-04-01", "The start of the period must be on or before its end")]
    [InlineData("from=0001-01-01", "The start of the period must be between 1 January 2000 and 31 December 2099")]
    [InlineData("to=9999-12-31", "The end of the period must be between 1 January 2000 and 31 December 2099")]
    [InlineData("module=no-such-module", "Choose a module from the list")]
    [InlineData("role=99", "Choose a job role from the list")]
    [InlineData("by=Postcode", "Choose module, agency, team or job role")]
    [InlineData("by=7", "Choose module, agency, team or job role")]
    public async Task Filters_that_make_no_sense_are_explained(string query, string message)
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var page = await client.GetPageAsync("/reports/uptake?" + query, HttpStatusCode.BadRequest);
        Assert.Contains("There is a problem", page);
        Assert.Contains(message, page);
        Assert.DoesNotContain("<table class=\"govuk-table\" id=\"uptake\">", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/reports/uptake.csv?" + query)).StatusCode);
    }

    [Fact]
    public async Task Names_that_look_like_spreadsheet_formulas_are_escaped_in_the_CSV()
    {
        var cast = await CastAsync();
        await Factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Agencies\" SET \"Name\" = {0} WHERE \"Id\" = {1}", "=HYPERLINK(\"http://evil.example\",\"North\")", cast.North);
        });
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var csv = await CsvAsync(client, $"/reports/uptake.csv?agency={cast.North}");

        Assert.Equal($"{Title},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"North\"\")\",10,9,6,60%,35 minutes,fewer than 5", csv[1]);
    }

    [Fact]
    public async Task Completions_per_month_cover_the_last_twelve_months_for_each_agency()
    {
        var cast = await CastAsync();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 9, 0, 0, DateTimeKind.Utc);
        // North: five this month, six two months ago; South: one this month; another five a year ago, outside the window.
        // North's learners in a fixed order: the agency also holds a commissioner, whose completions no report counts.
        var north = await Factory.WithDbAsync(db => db.Users.Where(u => u.AgencyId == cast.North && u.IsActive && u.JobRole == JobRole.SocialWorker)
            .OrderBy(u => u.Email).Select(u => u.Id).ToListAsync());
        var south = await Factory.WithDbAsync(db => db.Users.Where(u => u.AgencyId == cast.South).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync());
        await Factory.WithDbAsync(db => ReportTables.WriteAroundAsync(db, ct => db.Database.ExecuteSqlRawAsync("DELETE FROM \"ModuleCompletions\"", ct)));
        for (var i = 0; i < 5; i++) await CompleteAsync(north[i], thisMonth.AddHours(i), minutes: 10, progressNumber: 2);
        for (var i = 0; i < 6; i++) await CompleteAsync(north[i], thisMonth.AddMonths(-2), minutes: 10, progressNumber: 3);
        for (var i = 0; i < 5; i++) await CompleteAsync(north[i], thisMonth.AddMonths(-12), minutes: 10, progressNumber: 4);
        await CompleteAsync(south[0], thisMonth, minutes: 10, progressNumber: 2);
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var csv = await CsvAsync(client, "/reports/trends.csv");

        var months = Enumerable.Range(0, 12).Select(i => thisMonth.AddMonths(i - 11).ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        string Row(string name, params (int MonthsAgo, string Value)[] cells) =>
            name + "," + string.Join(',', Enumerable.Range(0, 12).Select(i => cells.FirstOrDefault(c => c.MonthsAgo == 11 - i).Value ?? "fewer than 5"));
        // Two months ago North's 6 are the month's 6, which would say South and East had none: they are withheld. This
        // month South and East have 1 between them, which could be either's.
        Assert.Equal([
            "Agency," + string.Join(',', months),
            Row("East"),
            Row("North", (2, Withheld), (0, "5")),
            Row("South"),
            Row("All agencies", (2, "6"), (0, "6")),
        ], csv);
        var page = await client.GetPageAsync("/reports/trends");
        Assert.Contains("<table class=\"govuk-table\" id=\"trends\">", page);
        Assert.Contains("aria-labelledby=\"trend-chart-title\"", page);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, "class=\"app-chart__bar\""));
    }

    [Fact]
    public async Task Scenario_choices_show_the_share_choosing_each_option_first_time_through()
    {
        var cast = await CastAsync();
        var north = await Factory.WithDbAsync(db => db.Users.Where(u => u.AgencyId == cast.North && u.IsActive && u.JobRole == JobRole.SocialWorker).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync());
        // Seven of the ten welcome Kayla back (the recommended choice), three threaten her with sanctions.
        // Of the seven, six stay curious the next day, one accepts that "it is her choice".
        for (var i = 0; i < 10; i++)
            await DecideAsync(north[i], ("back-late", i < 7 ? 1 : 2), i < 7 ? ("next-day", i < 6 ? 1 : 2) : ("sanction", 1));
        // Replays after seeing the feedback are not counted: the three who threatened sanctions try again and welcome her.
        for (var i = 7; i < 10; i++) await DecideAsync(north[i], ("back-late", 1));
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var csv = await CsvAsync(client, $"/reports/scenarios.csv?module={ModuleId}&agency={cast.North}");

        const string Scenario = "Scenario: Kayla comes back late";
        Assert.Equal([
            "Scenario,Decision point,Option,Recommended,People choosing,Share of people deciding",
            $"{Scenario},Two in the morning,\"Welcome her back, check she is safe and well, and offer her something warm before she sleeps\",Yes,{Withheld},{Withheld}",
            $"{Scenario},Two in the morning,Tell her that her phone will be taken away if she goes missing again,No,fewer than 5,fewer than 5",
            $"{Scenario},The next afternoon,\"Stay curious: ask about him calmly, write down what she said in her words, and tell her you will need to share your worry with your manager\",Yes,{Withheld},{Withheld}",
            $"{Scenario},The next afternoon,\"She seems happy and says it is her choice, so respect her relationship\",No,fewer than 5,fewer than 5",
            $"{Scenario},The weekend,\"See the pattern, record what has happened, and talk to your manager about a safeguarding referral\",Yes,fewer than 5,fewer than 5",
            $"{Scenario},The weekend,\"Wait until there is some evidence that she is being abused before raising it, so that a referral is taken seriously\",No,fewer than 5,fewer than 5",
            $"{Scenario},The meeting,\"Describe what you have seen and heard, in Kayla's words, and say what you do not know\",Yes,fewer than 5,fewer than 5",
            $"{Scenario},The meeting,\"Say that, as she denies anything is wrong and none of it is proof, there is nothing concrete yet to act on\",No,fewer than 5,fewer than 5",
            $"{Scenario},Ending reached first time through,A plan around Kayla (good outcome),,fewer than 5,fewer than 5",
            $"{Scenario},Ending reached first time through,The chance is missed (poor outcome),,fewer than 5,fewer than 5",
        ], csv);
        var page = await client.GetPageAsync($"/reports/scenarios?module={ModuleId}");
        Assert.Contains("People deciding here: 10", page);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--green\">Recommended</strong>", page);
    }

    [Fact]
    public async Task Scenario_report_shows_the_share_reaching_each_ending_first_time_through()
    {
        var cast = await CastAsync();
        var north = await Factory.WithDbAsync(db => db.Users.Where(u => u.AgencyId == cast.North && u.IsActive && u.JobRole == JobRole.SocialWorker).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync());
        // Six of eight reach the good ending first time; two miss the chance, then replay to the good ending, which is not counted.
        for (var i = 0; i < 8; i++)
            await DecideAsync(north[i], i < 6 ? [("back-late", 1), ("next-day", 1), ("sharing", 1)] : [("back-late", 1), ("next-day", 2)]);
        for (var i = 6; i < 8; i++) await DecideAsync(north[i], ("back-late", 1), ("next-day", 1), ("sharing", 1));
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var csv = await CsvAsync(client, $"/reports/scenarios.csv?module={ModuleId}&agency={cast.North}");

        Assert.Equal([
            $"Scenario: Kayla comes back late,Ending reached first time through,A plan around Kayla (good outcome),,{Withheld},{Withheld}",
            "Scenario: Kayla comes back late,Ending reached first time through,The chance is missed (poor outcome),,fewer than 5,fewer than 5",
        ], csv.Where(line => line.Contains("Ending reached", StringComparison.Ordinal)));
        var page = await client.GetPageAsync($"/reports/scenarios?module={ModuleId}");
        Assert.Contains("People reaching an ending: 8", page);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--green\">good outcome</strong>", page);

        // South's three officers all miss the chance: not in North's figures, but the partnership's five who missed it are shown.
        var south = await Factory.WithDbAsync(db => db.Users.Where(u => u.AgencyId == cast.South).Select(u => u.Id).ToListAsync());
        Assert.Equal(3, south.Count);
        foreach (var officer in south) await DecideAsync(officer, ("back-late", 1), ("next-day", 2));
        Assert.Contains("Scenario: Kayla comes back late,Ending reached first time through,The chance is missed (poor outcome),,fewer than 5,fewer than 5", await CsvAsync(client, $"/reports/scenarios.csv?module={ModuleId}&agency={cast.North}"));
        // The partnership's five who missed it are five, but nobody threatened sanctions at the first point (every one of the
        // eleven went on to decide the next afternoon), so that point's other option, and with it each figure it leads to, is withheld.
        var partnership = await CsvAsync(client, $"/reports/scenarios.csv?module={ModuleId}");
        Assert.Equal($"Scenario: Kayla comes back late,Ending reached first time through,The chance is missed (poor outcome),,{Withheld},{Withheld}",
            partnership.Single(l => l.Contains("poor outcome", StringComparison.Ordinal)));
        Assert.Contains(partnership, l => l.Contains("Tell her that her phone will be taken away", StringComparison.Ordinal) && l.EndsWith(",fewer than 5,fewer than 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xapi_gives_each_time_through_a_scenario_its_first_pass_score_and_success_for_a_good_ending()
    {
        var cast = await CastAsync();
        var ids = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email!.StartsWith("north.")).ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id));
        await DecideAsync(ids["north.1"], ("back-late", 1), ("next-day", 1), ("sharing", 1));
        await DecideAsync(ids["north.2"], ("back-late", 1), ("next-day", 2));
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var text = await client.GetStringAsync($"/reports/xapi.json?module={ModuleId}");

        var runs = System.Text.Json.JsonDocument.Parse(text).RootElement.EnumerateArray()
            .Where(s => s.GetProperty("object").GetProperty("definition").GetProperty("type").GetString() == "http://adlnet.gov/expapi/activities/simulation")
            .ToDictionary(s => s.GetProperty("actor").GetProperty("account").GetProperty("name").GetString()!);
        Assert.Equal(2, runs.Count);
        var good = runs[ids["north.1"].ToString()];
        Assert.Equal("http://adlnet.gov/expapi/verbs/completed", good.GetProperty("verb").GetProperty("id").GetString());
        Assert.EndsWith("/modules/recognising-exploitation/kayla", good.GetProperty("object").GetProperty("id").GetString());
        Assert.True(good.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal(1m, good.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDecimal());
        Assert.Equal((3, 3), (good.GetProperty("result").GetProperty("score").GetProperty("raw").GetInt32(), good.GetProperty("result").GetProperty("score").GetProperty("max").GetInt32()));
        var poor = runs[ids["north.2"].ToString()];
        // One of its two decisions was the recommended one, and it ended poorly.
        Assert.False(poor.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal(0.5m, poor.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDecimal());
        Assert.Equal("poor", poor.GetProperty("result").GetProperty("extensions").EnumerateObject().Single().Value.GetString());
        Assert.DoesNotContain("@riverside.example", text);
    }

    [Fact]
    public async Task The_reporting_tables_each_save_keeps_match_the_same_tables_rebuilt_from_the_records()
    {
        await CastAsync();
        var ids = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email!.StartsWith("north.")).ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id));
        // N1–N6 go through the scenario for the first time, and N1–N3 replay it, which counts for nothing.
        // N1, N2 and N5 go on to an ending (N2 a poor one); N1's replay reaches one too, which counts for nothing.
        for (var n = 1; n <= 6; n++)
            await DecideAsync(ids[$"north.{n}"], [("back-late", n <= 4 ? 1 : 2), n <= 4 ? ("next-day", 1) : ("sanction", 1), .. n is 1 or 5 ? [("sharing", 1)] : n == 2 ? new[] { ("sharing", 2) } : []]);
        for (var n = 1; n <= 3; n++) await DecideAsync(ids[$"north.{n}"], n == 1 ? [("back-late", 2), ("sanction", 2)] : [("back-late", 2)]);
        // N4 goes back to the first point and threatens sanctions instead (a second option, counted), then goes back
        // and chooses the same again (counted once only).
        await Factory.WithDbAsync(async db =>
        {
            var scenario = Module.SectionsOf<Scenario>().Single();
            var progress = await db.ModuleProgress.SingleAsync(p => p.UserId == ids["north.4"] && p.ModuleId == ModuleId && p.CompletedAt == null);
            var position = await db.ScenarioPositions.SingleAsync(p => p.ProgressId == progress.Id);
            async Task BackAsync()
            {
                var last = await db.ScenarioDecisions.Where(d => d.ProgressId == progress.Id && d.WithdrawnAt == null)
                    .OrderByDescending(d => d.Step).FirstAsync();
                Assert.Null(position.GoBack(last, progress, position.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow));
                await db.SaveChangesAsync();
            }
            async Task ChooseAsync(string node, int choice)
            {
                var (decision, refusal) = position.Choose(scenario, progress, Module.Version.ToString(), node, scenario.FindNode(node)!.Choices[choice - 1].Key,
                    position.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow);
                Assert.Null(refusal);
                db.ScenarioDecisions.Add(decision!);
                await db.SaveChangesAsync();
            }
            await BackAsync();
            await BackAsync();
            await ChooseAsync("back-late", 2);
            await BackAsync();
            await ChooseAsync("back-late", 2);
        });
        await Factory.WithDbAsync(async db =>
        {
            // One learner leaves (N2), one loses the Learner role (N7), one changes job role (N10): their uptake rows go or
            // change. (N7 and N10 have no choices or completions, which a rebuild would count under today's roles.)
            var people = await db.Users.Where(u => u.Email!.StartsWith("north.")).ToDictionaryAsync(u => u.Email!);
            people["north.2@riverside.example"].Deactivate(DateTime.UtcNow);
            db.UserRoles.Remove(await db.UserRoles.SingleAsync(ur => ur.UserId == people["north.7@riverside.example"].Id));
            var changed = people["north.10@riverside.example"];
            changed.UpdateProfile(changed.Email!, changed.DisplayName, JobRole.Manager);
            await db.SaveChangesAsync();
        });
        var kept = await ReportTablesAsync();
        Assert.Contains(kept.Uptake, r => r.StartsWith(ids["north.1"].ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(kept.Uptake, r => r.StartsWith(ids["north.2"].ToString(), StringComparison.Ordinal) || r.StartsWith(ids["north.7"].ToString(), StringComparison.Ordinal));
        Assert.Contains(kept.Uptake, r => r.StartsWith(ids["north.10"].ToString(), StringComparison.Ordinal) && r.Contains("|Manager|", StringComparison.Ordinal));
        // For the partnership: six decided at the first point; four first welcomed her back, and three (N4 among them) threatened sanctions.
        string PartnershipCount(int choice) => Assert.Single(kept.Choices, c => c.Contains($"|{Guid.Empty}||", StringComparison.Ordinal)
            && c.Contains($"|back-late|{choice}|", StringComparison.Ordinal)).Split('|')[^1];
        Assert.Equal(["6", "4", "3"], new[] { PartnershipCount(0), PartnershipCount(1), PartnershipCount(2) });
        Assert.NotEmpty(kept.Completions);
        // Endings, for the partnership: two reached the good one and one the poor one, first time through.
        string PartnershipEnding(string ending) => Assert.Single(kept.Endings, c => c.Contains($"|{Guid.Empty}||", StringComparison.Ordinal)
            && c.Contains($"|{ending}|", StringComparison.Ordinal)).Split('|')[^1];
        Assert.Equal(["2", "1"], new[] { PartnershipEnding("protected"), PartnershipEnding("missed") });

        await Factory.WithDbAsync(db => ReportTables.RebuildAllAsync(db));

        var rebuilt = await ReportTablesAsync();
        Assert.Equal(kept.Uptake, rebuilt.Uptake);
        Assert.Equal(kept.Choices, rebuilt.Choices);
        Assert.Equal(kept.Endings, rebuilt.Endings);
        Assert.Equal(kept.Completions, rebuilt.Completions);
        Assert.Equal(kept.UptakeCounts, rebuilt.UptakeCounts);
        Assert.Equal(kept.LearningTimes, rebuilt.LearningTimes);
        // N10's row moved from social workers to managers; N2's and N7's were taken out.
        Assert.Contains(kept.UptakeCounts, c => c.Contains("|Manager|", StringComparison.Ordinal));
        Assert.NotEmpty(kept.LearningTimes);
    }

    /// <summary>
    /// N10 has started nothing. One save starts the sample module and holds its transaction open; a second, at the
    /// same moment, starts the police module. Each works N10's uptake rows out again: the second must wait for the
    /// first and then take away what the first left, not what both saw before, or it collides with the first's rows
    /// or counts N10 twice. On PostgreSQL that takes a lock on the person (SQLite writes one transaction at a time).
    /// </summary>
    [Fact]
    public async Task Two_saves_for_the_same_learner_at_once_both_land_and_leave_the_reporting_tables_right()
    {
        await CastAsync();
        var learner = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "north.10@riverside.example").Select(u => u.Id).SingleAsync());
        var catalog = Factory.Services.GetRequiredService<ContentCatalog>();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.ModuleProgress.Add(new ModuleProgress(learner, catalog.Find(ModuleId)!, 1, now));
                await db.SaveChangesAsync();

                // On a thread of its own: SQLite waits for its lock by blocking the thread that asked.
                var second = Task.Run(() => Factory.WithDbAsync(async other =>
                {
                    other.ModuleProgress.Add(new ModuleProgress(learner, catalog.Find(Modules.ModuleContent.PoliceId)!, 1, now));
                    await other.SaveChangesAsync();
                }));
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                Assert.False(second.IsCompleted, second.Exception?.ToString() ?? "the second save should be waiting for the first");
                await transaction.CommitAsync();
                await second;
            });
        }

        var kept = await ReportTablesAsync();
        Assert.Equal(3, kept.Uptake.Count(r => r.StartsWith(learner.ToString(), StringComparison.Ordinal)));
        await Factory.WithDbAsync(db => ReportTables.RebuildAllAsync(db));
        var rebuilt = await ReportTablesAsync();
        Assert.Equal(rebuilt.Uptake, kept.Uptake);
        Assert.Equal(rebuilt.UptakeCounts, kept.UptakeCounts);
        Assert.Equal(rebuilt.LearningTimes, kept.LearningTimes);
    }

    [Fact]
    public async Task A_learner_who_moves_agency_takes_their_uptake_with_them_but_not_the_choices_and_completions_made_before()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);
        var mover = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "north.1@riverside.example").Select(u => u.Id).SingleAsync());
        var northInMarch = () => Factory.WithDbAsync(db => db.CompletionCounts.Where(c => c.AgencyId == cast.North && c.Month == new DateOnly(2026, 3, 1)).SumAsync(c => c.Completions));
        Assert.Equal(6, await northInMarch());
        var beforeMove = await CsvAsync(client, "/reports/uptake.csv?by=Agency");
        Assert.Contains($"{Title},North,10,9,6,60%,35 minutes,fewer than 5", beforeMove);

        await Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == mover);
            user.PlaceIn(await db.Agencies.FindAsync(cast.South), await db.Teams.SingleAsync(t => t.AgencyId == cast.South));
            await db.SaveChangesAsync();
        });

        // North loses N1 (completed after 10 minutes): nine in scope, eight started, five completed, median of 20–60 minutes.
        var afterMove = await CsvAsync(client, "/reports/uptake.csv?by=Agency");
        Assert.Contains($"{Title},North,9,8,5,55.6%,40 minutes,fewer than 5", afterMove);
        Assert.All(await Factory.WithDbAsync(db => db.UptakeRows.Where(r => r.UserId == mover).Select(r => r.AgencyId).ToListAsync()), a => Assert.Equal(cast.South, a));
        // The completion happened while they were in North, and stays there in the trends.
        Assert.Equal(6, await northInMarch());
    }

    [Fact]
    public async Task A_save_inside_the_callers_transaction_moves_the_reporting_tables_only_if_it_commits()
    {
        await CastAsync();
        var learner = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "north.10@riverside.example").Select(u => u.Id).SingleAsync());
        var rowsOf = () => Factory.WithDbAsync(db => db.UptakeRows.CountAsync(r => r.UserId == learner));
        Assert.Equal(1, await rowsOf());

        foreach (var commit in new[] { false, true })
        {
            await Factory.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.ModuleProgress.Add(new ModuleProgress(learner, Module, 1, Factory.Clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync();
                // Inside the transaction the module's row is there already, with the rest of the save.
                Assert.Equal(2, await db.UptakeRows.CountAsync(r => r.UserId == learner));
                if (commit) await transaction.CommitAsync();
            }));
            Assert.Equal(commit ? 2 : 1, await rowsOf());
        }
    }

    [Fact]
    public async Task A_synchronous_save_of_what_the_reports_count_is_refused_and_saves_nothing()
    {
        await CastAsync();
        var learner = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "north.10@riverside.example").Select(u => u.Id).SingleAsync());

        var refused = await Factory.WithDbAsync(db =>
        {
            db.ModuleProgress.Add(new ModuleProgress(learner, Module, 1, Factory.Clock.GetUtcNow().UtcDateTime));
            return Task.FromResult(Assert.Throws<InvalidOperationException>(() => db.SaveChanges()));
        });

        Assert.Contains("SaveChangesAsync", refused.Message, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.ModuleProgress.AnyAsync(p => p.UserId == learner)));
        // A synchronous save of something the reports do not count goes through.
        await Factory.WithDbAsync(async db =>
        {
            (await db.Partnerships.FirstAsync()).Rename("Renamed Partnership");
            Assert.Equal(1, db.SaveChanges());
        });
    }

    [Fact]
    public async Task A_write_round_the_change_tracker_to_what_the_reports_count_is_refused_unless_it_keeps_them()
    {
        var cast = await CastAsync();
        var completions = () => Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync());
        var before = await completions();
        Assert.True(before > 0);

        var refusals = new List<InvalidOperationException>();
        await Factory.WithDbAsync(async db =>
        {
            refusals.Add(await Assert.ThrowsAsync<InvalidOperationException>(() => db.ModuleCompletions.ExecuteDeleteAsync()));
            refusals.Add(await Assert.ThrowsAsync<InvalidOperationException>(() =>
                db.Users.Where(u => u.AgencyId == cast.North).ExecuteUpdateAsync(u => u.SetProperty(x => x.AgencyId, cast.South))));
            refusals.Add(await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ExecuteSqlRawAsync("delete from \"ModuleProgress\"")));
        });
        Assert.All(refusals, r => Assert.Contains("ReportTables.WriteAroundAsync", r.Message, StringComparison.Ordinal));
        Assert.Equal(before, await completions());
        Assert.True(await Factory.WithDbAsync(db => db.ModuleProgress.AnyAsync()));

        await Factory.WithDbAsync(db => ReportTables.WriteAroundAsync(db, ct => db.ModuleCompletions.ExecuteDeleteAsync(ct)));

        Assert.Equal(0, await completions());
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CompletionCounts.SumAsync(c => c.Completions)));
        Assert.False(await Factory.WithDbAsync(db => db.UptakeRows.AnyAsync(r => r.CompletedAt != null)));
    }

    /// <summary>Every reporting table's rows as text, sorted; counts that have fallen to nought are left out, as a rebuild makes none.</summary>
    private async Task<(List<string> Uptake, List<string> Choices, List<string> Completions, List<string> UptakeCounts, List<string> LearningTimes, List<string> Endings)> ReportTablesAsync() => await Factory.WithDbAsync(async db => (
        (await db.UptakeRows.AsNoTracking().ToListAsync())
            .Select(r => string.Join('|', r.UserId, r.ModuleId, r.PartnershipId, r.AgencyId, r.TeamId, r.JobRole, r.FirstStartedAt?.ToString("O"), r.CompletedAt?.ToString("O"), r.CompletedVersion, r.CompletedMinutes)).Order(StringComparer.Ordinal).ToList(),
        (await db.ChoiceCounts.AsNoTracking().ToListAsync())
            .Select(c => string.Join('|', c.PartnershipId, c.ModuleId, c.AgencyId, c.JobRole, c.ScenarioId, c.NodeId, c.ChoiceNumber, c.ModuleVersion, c.Day, c.People)).Order(StringComparer.Ordinal).ToList(),
        (await db.CompletionCounts.AsNoTracking().ToListAsync())
            .Select(c => string.Join('|', c.PartnershipId, c.AgencyId, c.JobRole, c.ModuleId, c.Month, c.Completions)).Order(StringComparer.Ordinal).ToList(),
        (await db.UptakeCounts.AsNoTracking().Where(c => c.People != 0).ToListAsync())
            .Select(c => string.Join('|', c.PartnershipId, c.ModuleId, c.AgencyId, c.TeamId, c.JobRole, c.CompletedVersion, c.People)).Order(StringComparer.Ordinal).ToList(),
        (await db.LearningTimeCounts.AsNoTracking().Where(c => c.People != 0).ToListAsync())
            .Select(c => string.Join('|', c.PartnershipId, c.ModuleId, c.AgencyId, c.TeamId, c.JobRole, c.CompletedVersion, c.Minutes, c.People)).Order(StringComparer.Ordinal).ToList(),
        (await db.EndingCounts.AsNoTracking().ToListAsync())
            .Select(c => string.Join('|', c.PartnershipId, c.ModuleId, c.AgencyId, c.JobRole, c.ScenarioId, c.EndingNodeId, c.ModuleVersion, c.Day, c.People)).Order(StringComparer.Ordinal).ToList()));

    [Fact]
    public async Task Every_report_keeps_a_commissioner_to_their_own_partnership()
    {
        var cast = await CastAsync();
        var hillside = await Factory.SignedInAsync(cast.HillsideCommissioner);

        foreach (var report in new[] { "uptake", "uptake.csv", "targets", "targets.csv", "targets/new", "trends", "trends.csv", "scenarios", "scenarios.csv" })
        {
            foreach (var query in new[] { $"partnership={cast.Riverside}", $"agency={cast.North}" })
            {
                var response = await hillside.GetAsync($"/reports/{report}?{query}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{report}?{query}: {(int)response.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.OK, (await hillside.GetAsync($"/reports/{report}?agency={cast.HillsideAgency}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_commissioner_sets_targets_and_sees_which_agencies_are_behind()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);
        var due = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        async Task SetAsync(Guid agency, string percent, string expectedBanner)
        {
            var response = await client.PostFormAsync("/reports/targets/new", "/reports/targets/new",
                [new("Agency", agency.ToString()), new("Module", ModuleId), new("Percent", percent), new("DueOn", due)]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(expectedBanner, await client.GetPageAsync(response.Headers.Location!.OriginalString));
        }

        await SetAsync(cast.North, "50", "Target set");
        await SetAsync(cast.South, "50", "Target set");
        Assert.Equal([
            "Agency,Module,Target,By,Learners in scope,Completed,Completion rate,Status",
            $"North,{Title},50%,{due},10,6,60%,Met",
            $"South,{Title},50%,{due},fewer than 5,fewer than 5,fewer than 5,Not shown (fewer than 5)",
        ], await CsvAsync(client, "/reports/targets.csv"));

        await SetAsync(cast.North, "80", "Target changed");
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"UptakeTargets\" SET \"DueOn\" = {0} WHERE \"AgencyId\" = {1}", new DateOnly(2026, 1, 31), cast.South));
        Assert.Equal([
            "Agency,Module,Target,By,Learners in scope,Completed,Completion rate,Status",
            $"North,{Title},80%,{due},10,6,60%,Behind",
            $"South,{Title},50%,2026-01-31,fewer than 5,fewer than 5,fewer than 5,Not shown (fewer than 5)",
        ], await CsvAsync(client, "/reports/targets.csv"));
        var page = await client.GetPageAsync("/reports/targets");
        // South's status comes from a suppressed rate, so it is not named among those behind either.
        Assert.Contains("Behind or missed: North<", page);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.UptakeTargets.CountAsync(t => t.AgencyId == cast.North)));

        // The commissioner's home lists the same target, linked to it, and not South's suppressed one.
        var northQuery = $"/reports/targets?agency={cast.North}&amp;module={ModuleId}&amp;by=Agency";
        var home = await client.GetPageAsync("/");
        Assert.Equal($"North: {Title}|{northQuery}|60% completed against a target of 80% by {DateOnly.ParseExact(due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture):d MMMM yyyy}|Behind", Assert.Single(HomeTargets(home)));
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"UptakeTargets\" SET \"DueOn\" = {0} WHERE \"AgencyId\" = {1}", new DateOnly(2026, 2, 28), cast.North));
        Assert.Equal($"North: {Title}|{northQuery}|60% completed against a target of 80% by 28 February 2026|Missed", Assert.Single(HomeTargets(await client.GetPageAsync("/"))));
        // Hillside's commissioner has no target, and is told so.
        Assert.Contains("No uptake target in your partnership is behind or missed", await (await Factory.SignedInAsync(cast.HillsideCommissioner)).GetPageAsync("/"));

        var north = await Factory.WithDbAsync(db => db.UptakeTargets.SingleAsync(t => t.AgencyId == cast.North));
        var removed = await client.PostFormAsync("/reports/targets", $"/reports/targets/{north.Id}/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal([cast.South], await Factory.WithDbAsync(db => db.UptakeTargets.Select(t => t.AgencyId).ToListAsync()));
    }

    [Fact]
    public async Task A_target_met_by_fewer_than_5_people_does_not_say_so()
    {
        // South: 3 officers in scope, 1 completed (33%), so a 30% target is met, by figures that are suppressed.
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);
        var due = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/reports/targets/new", "/reports/targets/new",
            [new("Agency", cast.South.ToString()), new("Module", ModuleId), new("Percent", "30"), new("DueOn", due)])).StatusCode);

        Assert.Equal([
            "Agency,Module,Target,By,Learners in scope,Completed,Completion rate,Status",
            $"South,{Title},30%,{due},fewer than 5,fewer than 5,fewer than 5,Not shown (fewer than 5)",
        ], await CsvAsync(client, "/reports/targets.csv"));
        var page = await client.GetPageAsync("/reports/targets");
        var table = page[page.IndexOf("id=\"targets\"", StringComparison.Ordinal)..];
        Assert.Contains("Not shown (fewer than 5)", table);
        Assert.DoesNotContain(">Met<", table);
        Assert.DoesNotContain("govuk-tag--green", table);
    }

    [Theory]
    [InlineData("", "", "", "", new[] { "Choose an agency", "Choose a module", "Enter the target as a whole number from 1 to 100", "Enter the date the target is due" })]
    [InlineData("north", "recognising-exploitation", "0", "2099-01-01", new[] { "Enter the target as a whole number from 1 to 100" })]
    [InlineData("north", "recognising-exploitation", "101", "2099-01-01", new[] { "Enter the target as a whole number from 1 to 100" })]
    [InlineData("north", "recognising-exploitation", "50%", "2099-01-01", new[] { "Enter the target as a whole number from 1 to 100" })]
    [InlineData("north", "no-such-module", "50", "2099-01-01", new[] { "Choose a module" })]
    [InlineData("north", "recognising-exploitation", "50", "2020-01-01", new[] { "The date the target is due must be today or later" })]
    [InlineData("north", "recognising-exploitation", "50", "31/12/2099", new[] { "Enter the date the target is due" })]
    [InlineData("north", "recognising-exploitation", "50", "9999-12-31", new[] { "The date the target is due must be between 1 January 2000 and 31 December 2099" })]
    [InlineData("hillside", "recognising-exploitation", "50", "2099-01-01", new[] { "Choose an agency" })]
    public async Task A_target_that_will_not_do_is_explained_and_nothing_is_saved(string agency, string module, string percent, string due, string[] messages)
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);
        var agencyId = agency switch { "north" => cast.North.ToString(), "hillside" => cast.HillsideAgency.ToString(), _ => "" };

        var response = await client.PostFormAsync("/reports/targets/new", "/reports/targets/new",
            [new("Agency", agencyId), new("Module", module), new("Percent", percent), new("DueOn", due)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", page);
        foreach (var message in messages) Assert.Contains(message, page);
        Assert.Contains($"value=\"{System.Net.WebUtility.HtmlEncode(percent)}\"", page); // what was typed comes back
        Assert.Equal(0, await Factory.WithDbAsync(db => db.UptakeTargets.CountAsync()));
    }

    [Fact]
    public async Task A_commissioner_can_neither_set_nor_remove_another_partnerships_targets()
    {
        var cast = await CastAsync();
        var riverside = await Factory.SignedInAsync(cast.Commissioner);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await riverside.PostFormAsync("/reports/targets/new", "/reports/targets/new", [new("Agency", cast.North.ToString()), new("Module", ModuleId), new("Percent", "50"), new("DueOn", due)]);
        var target = await Factory.WithDbAsync(db => db.UptakeTargets.SingleAsync());
        var hillside = await Factory.SignedInAsync(cast.HillsideCommissioner);
        // Posts their own pages never offer, with a token from a page they may see.
        var token = Browser.AntiforgeryToken(await hillside.GetPageAsync("/reports/targets/new"));

        Assert.Equal(HttpStatusCode.NotFound, (await hillside.PostWithTokenAsync($"/reports/targets/{target.Id}/remove", token, [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hillside.PostWithTokenAsync($"/reports/targets/new?partnership={cast.Riverside}", token,
            [new("Agency", cast.North.ToString()), new("Module", ModuleId), new("Percent", "90"), new("DueOn", due)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hillside.GetAsync($"/reports/targets?partnership={cast.Riverside}")).StatusCode);
        Assert.DoesNotContain("North", await hillside.GetPageAsync("/reports/targets"));
        Assert.Equal(50, (await Factory.WithDbAsync(db => db.UptakeTargets.SingleAsync())).Percent);
    }

    [Fact]
    public async Task Completions_and_attempts_export_as_xAPI_statements_naming_nobody()
    {
        var cast = await CastAsync();
        var first = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "north.1@riverside.example"));
        await Factory.WithDbAsync(async db =>
        {
            var check = Module.SectionsOf<KnowledgeCheck>().Single();
            var progress = await db.ModuleProgress.SingleAsync(p => p.UserId == first.Id);
            var answers = check.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<int>)q.Options.Select((o, i) => (o, i)).Where(x => x.o.IsCorrect).Select(x => x.i + 1).ToList());
            db.CheckAttempts.Add(CheckAttempt.Submit(progress, Module, check, 1, answers, new DateTime(2026, 3, 11, 8, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });
        var riversideIds = (await Factory.WithDbAsync(db => db.Users.Where(u => u.Agency!.PartnershipId == cast.Riverside).Select(u => u.Id).ToListAsync())).Select(id => id.ToString()).ToList();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        using var response = await client.GetAsync("/reports/xapi.json", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength); // written as it is read
        var text = await response.Content.ReadAsStringAsync();
        var statements = System.Text.Json.JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        // N1–N6, N8, N9, the leaver (who completed before leaving) and one South officer; and N1's attempt.
        Assert.Equal(10, statements.Count(s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/completed"));
        var attempt = Assert.Single(statements, s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/attempted");
        Assert.Equal(first.Id.ToString(), attempt.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        Assert.True(attempt.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal(1.0m, attempt.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDecimal());
        Assert.EndsWith("/modules/recognising-exploitation/check", attempt.GetProperty("object").GetProperty("id").GetString());
        Assert.All(statements, s =>
        {
            Assert.Contains(s.GetProperty("actor").GetProperty("account").GetProperty("name").GetString(), riversideIds);
            Assert.Equal("1.0.3", s.GetProperty("version").GetString());
        });
        var completion = statements.First(s => s.GetProperty("actor").GetProperty("account").GetProperty("name").GetString() == first.Id.ToString()
            && s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/completed");
        Assert.Equal("PT10M", completion.GetProperty("result").GetProperty("duration").GetString());
        Assert.Equal("1.0.0", completion.GetProperty("context").GetProperty("extensions").EnumerateObject().Single().Value.GetString());
        // Nobody is named: no email address, no display name, and no answer given.
        Assert.DoesNotContain("@riverside.example", text);
        Assert.DoesNotContain("North 1", text);
        Assert.DoesNotContain("options", text, StringComparison.OrdinalIgnoreCase);

        var march = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/reports/xapi.json?agency={cast.North}&from=2026-03-11&to=2026-03-31")).RootElement;
        Assert.Equal(6, march.GetArrayLength()); // N1–N5 completed on 11–15 March, and N1's attempt
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.SignedInAsync(cast.HillsideCommissioner)).GetAsync($"/reports/xapi.json?agency={cast.North}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/reports/xapi.json?from=2026-05-01&to=2026-04-01")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sees_who_in_an_agency_has_not_completed_a_module_but_a_commissioner_cannot()
    {
        var cast = await CastAsync();
        var admin = await AdministratorAsync(cast);

        var page = await admin.GetPageAsync($"/admin/agencies/{cast.North}/learning?module={ModuleId}");

        Assert.Contains("4 of 10 people in this module’s audience have not completed it.", System.Net.WebUtility.HtmlDecode(page));
        // Not completed first (North 10, North 7, North 8, North 9 by name), then the six who completed.
        var states = System.Text.RegularExpressions.Regex.Matches(page, @"<strong class=""govuk-tag(?: govuk-tag--[a-z-]+)?"">([^<]+)</strong>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Not started", "In progress", "Refresh due", "Refresh due", "Completed", "Completed", "Completed", "Completed", "Completed", "Completed"], states);
        Assert.DoesNotContain("North Manager", page); // not in the module's audience
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.SignedInAsync(cast.Commissioner)).GetAsync($"/admin/agencies/{cast.North}/learning")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/agencies/{cast.North}/learning?module=no-such-module")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sees_where_each_current_supervisee_stands_with_each_module()
    {
        var cast = await CastAsync();
        var supervisor = await Factory.CreateUserAsync("sam.supervisor@riverside.example", await NorthAsync(cast), Roles.Supervisor);
        var users = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email!.StartsWith("north.")).ToDictionaryAsync(u => u.Email!, u => u));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Factory.SuperviseAsync(supervisor, users["north.1@riverside.example"], today.AddDays(-30));
        await Factory.SuperviseAsync(supervisor, users["north.7@riverside.example"], today.AddDays(-30));
        await Factory.SuperviseAsync(supervisor, users["north.10@riverside.example"], today.AddDays(-30), today.AddDays(-1)); // ended

        var page = await (await Factory.SignedInAsync(supervisor.Email!)).GetPageAsync("/supervision/caseload");

        var table = page[page.IndexOf("id=\"supervisee-learning\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches(@"North 1</th>\s*<td class=""govuk-table__cell""><strong class=""govuk-tag govuk-tag--grey"">Not started</strong></td>\s*<td class=""govuk-table__cell""><strong class=""govuk-tag govuk-tag--green"">Completed</strong>", table);
        Assert.Matches(@"North 7</th>\s*<td class=""govuk-table__cell""><strong class=""govuk-tag govuk-tag--grey"">Not started</strong></td>\s*<td class=""govuk-table__cell""><strong class=""govuk-tag govuk-tag--light-blue"">In progress</strong>", table);
        Assert.DoesNotContain("North 10", table);
        Assert.DoesNotContain("North 2", table);
    }

    /// <summary>Riverside's North agency and its team, as the organisation helpers take them.</summary>
    private Task<TestData.Organisation> NorthAsync(Cast cast) => Factory.WithDbAsync(async db => new TestData.Organisation(
        await db.Partnerships.SingleAsync(p => p.Id == cast.Riverside), await db.Agencies.SingleAsync(a => a.Id == cast.North), await db.Teams.FirstAsync(t => t.AgencyId == cast.North)));

    /// <summary>An administrator (placed in North, with no Learner role so counted nowhere), signed in.</summary>
    private async Task<HttpClient> AdministratorAsync(Cast cast)
    {
        await Factory.CreateUserAsync("admin.person@riverside.example", await NorthAsync(cast), Roles.Administrator);
        return await Factory.SignedInAsync("admin.person@riverside.example");
    }

    private static string Suppressed(int figures) => string.Join(',', Enumerable.Repeat("fewer than 5", figures));

    // Each task on the commissioner's home page as "link text|address|hint|status".
    private static List<string> HomeTargets(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page,
                @"<a class=""govuk-link govuk-task-list__link"" href=""(?<url>[^""]+)""[^>]*>(?<text>[^<]+)</a>\s*<div[^>]*class=""govuk-task-list__hint"">(?<hint>[^<]+)</div>\s*</div>\s*<div class=""govuk-task-list__status""[^>]*>\s*<strong[^>]*>(?<status>[^<]+)</strong>")
            .Select(m => $"{System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value)}|{m.Groups["url"].Value}|{System.Net.WebUtility.HtmlDecode(m.Groups["hint"].Value)}|{m.Groups["status"].Value}")
            .ToList();

    private static async Task<string[]> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "no UTF-8 byte-order mark");
        return Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<Cast> CastAsync()
    {
        var riverside = await Factory.CreateOrganisationAsync();
        var hillside = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var (north, northTeam, south, southTeam, east, eastTeam) = await Factory.WithDbAsync(async db =>
        {
            var north = new Agency(riverside.Partnership.Id, "North", AgencySector.ChildrensSocialCare);
            var south = new Agency(riverside.Partnership.Id, "South", AgencySector.Police);
            var east = new Agency(riverside.Partnership.Id, "East", AgencySector.ChildrensSocialCare);
            var northTeam = new Team(north.Id, "North Exploitation Team");
            var southTeam = new Team(south.Id, "South Missing Team");
            var eastTeam = new Team(east.Id, "East Exploitation Team");
            db.AddRange(north, south, east, northTeam, southTeam, eastTeam);
            await db.SaveChangesAsync();
            return (north.Id, northTeam.Id, south.Id, southTeam.Id, east.Id, eastTeam.Id);
        });
        await Factory.WithDbAsync(async db =>
        {
            // The organisation helper's own agency has nobody in it; it is not part of this story.
            db.Teams.Remove(await db.Teams.SingleAsync(t => t.Id == riverside.Team.Id));
            db.Agencies.Remove(await db.Agencies.SingleAsync(a => a.Id == riverside.Agency.Id));
            await db.SaveChangesAsync();
        });

        var march = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 10; i++)
        {
            var person = await PersonAsync($"north.{i}@riverside.example", north, northTeam, JobRole.SocialWorker, Roles.Learner);
            switch (i)
            {
                case <= 5: await CompleteAsync(person, march.AddDays(i), minutes: 10 * i); break;
                case 6: await CompleteAsync(person, new DateTime(2026, 6, 2, 9, 0, 0, DateTimeKind.Utc), minutes: 60); break;
                case 7: await StartAsync(person, march); break;
                case 8 or 9: await CompleteAsync(person, new DateTime(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc), minutes: 30, version: "0.9.0"); break;
            }
        }
        await PersonAsync("north.educator@riverside.example", north, northTeam, JobRole.Manager, Roles.Learner);
        var leaver = await PersonAsync("north.leaver@riverside.example", north, northTeam, JobRole.SocialWorker, Roles.Learner);
        await CompleteAsync(leaver, march, minutes: 5);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == leaver)).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        await PersonAsync("commissioner@riverside.example", north, northTeam, JobRole.Commissioner, Roles.Commissioner);

        for (var i = 1; i <= 3; i++)
        {
            var officer = await PersonAsync($"south.{i}@riverside.example", south, southTeam, JobRole.Police, Roles.Learner);
            if (i == 1) await CompleteAsync(officer, march, minutes: 25);
        }

        for (var i = 1; i <= 6; i++)
            await StartAsync(await PersonAsync($"east.{i}@riverside.example", east, eastTeam, JobRole.SocialWorker, Roles.Learner), march);

        for (var i = 1; i <= 6; i++)
        {
            var person = await PersonAsync($"hill.{i}@hillside.example", hillside.Agency.Id, hillside.Team.Id, JobRole.Health, Roles.Learner);
            await CompleteAsync(person, march, minutes: 15);
        }
        await PersonAsync("commissioner@hillside.example", hillside.Agency.Id, hillside.Team.Id, JobRole.Commissioner, Roles.Commissioner);

        return new Cast(riverside.Partnership.Id, north, south, east, hillside.Partnership.Id, hillside.Agency.Id, "commissioner@riverside.example", "commissioner@hillside.example");
    }

    private async Task<Guid> PersonAsync(string email, Guid agencyId, Guid teamId, JobRole jobRole, string role)
    {
        var user = await Factory.CreateUserAsync(email, null, role);
        await Factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.UpdateProfile(stored.Email!, stored.DisplayName, jobRole);
            stored.PlaceIn(await db.Agencies.FindAsync(agencyId), await db.Teams.FindAsync(teamId));
            await db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// <summary>A time through the Kayla scenario making the given choices; a second call is a replay (playthrough 2).</summary>
    private Task DecideAsync(Guid userId, params (string Node, int Choice)[] choices) => Factory.WithDbAsync(async db =>
    {
        var scenario = Module.SectionsOf<Scenario>().Single();
        var progress = await db.ModuleProgress.SingleOrDefaultAsync(p => p.UserId == userId && p.ModuleId == ModuleId && p.CompletedAt == null);
        if (progress is null)
        {
            progress = new ModuleProgress(userId, Module, await db.ModuleProgress.CountAsync(p => p.UserId == userId) + 1, DateTime.UtcNow);
            db.ModuleProgress.Add(progress);
        }
        var position = await db.ScenarioPositions.SingleOrDefaultAsync(p => p.ProgressId == progress.Id);
        if (position is null)
        {
            position = new ScenarioPosition(progress, scenario);
            db.ScenarioPositions.Add(position);
        }
        else
        {
            Assert.Null(position.StartAgain(scenario, progress, position.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow));
        }
        var made = new List<ScenarioDecision>();
        foreach (var (node, choice) in choices)
        {
            var (decision, refusal) = position.Choose(scenario, progress, Module.Version.ToString(), node, scenario.FindNode(node)!.Choices[choice - 1].Key,
                position.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow);
            Assert.Null(refusal);
            db.ScenarioDecisions.Add(decision!);
            made.Add(decision!);
        }
        // Reaching an ending records the run, as choosing on the page does.
        if (made.Count > 0 && scenario.FindNode(made[^1].TargetNodeId) is { IsEnding: true } ending)
            db.ScenarioRuns.Add(new ScenarioRun(progress, position, scenario, Module.Version.ToString(), ending, made, DateTime.UtcNow));
        await db.SaveChangesAsync();
    });

    private ContentModule Module => Factory.Services.GetRequiredService<ContentCatalog>().Find(ModuleId)!;

    private Task StartAsync(Guid userId, DateTime at) => Factory.WithDbAsync(async db =>
    {
        db.ModuleProgress.Add(new ModuleProgress(userId, Module, 1, at));
        await db.SaveChangesAsync();
    });

    /// <summary>Started and completed, with the learning time made of steps of at most ten minutes.</summary>
    private Task CompleteAsync(Guid userId, DateTime completedAt, int minutes, string? version = null, int progressNumber = 1) => Factory.WithDbAsync(async db =>
    {
        var started = completedAt.AddMinutes(-minutes);
        var progress = new ModuleProgress(userId, Module, progressNumber, started);
        for (var done = 10; done < minutes; done += 10) progress.RecordActivity(started.AddMinutes(done));
        var completion = progress.Complete(Module, 100, completedAt);
        db.AddRange(progress, completion);
        await db.SaveChangesAsync();
        if (version is not null)
        {
            await ReportTables.WriteAroundAsync(db, ct => db.Database.ExecuteSqlRawAsync(
                "UPDATE \"ModuleCompletions\" SET \"ModuleVersion\" = {0} WHERE \"Id\" = {1}", [version, completion.Id], ct));
        }
    });
}

public sealed class ReportTestsOnSqlite(Features.Modules.ModuleSqliteAppFactory factory) : ReportTests(factory), IClassFixture<Features.Modules.ModuleSqliteAppFactory>;
public sealed class ReportTestsOnPostgres(Features.Modules.ModulePostgresAppFactory factory) : ReportTests(factory), IClassFixture<Features.Modules.ModulePostgresAppFactory>;
