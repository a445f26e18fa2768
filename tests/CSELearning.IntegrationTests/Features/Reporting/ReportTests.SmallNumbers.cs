using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Reporting.Tables;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Reporting;

/// <summary>
/// Secondary suppression, tested as a reader would attack it: every figure of a report page (and of the view by module
/// whose totals a breakdown adds up to) is read from the HTML, and every sum and rate the page implies is solved
/// wherever it has a single unknown, again and again until nothing more comes out. No hidden figure may come out.
/// The CSV must hide the same figures as the page.
/// </summary>
public abstract partial class ReportTests
{
    [Theory]
    [InlineData("Agency")]
    [InlineData("Team")]
    [InlineData("Role")]
    public async Task No_hidden_uptake_figure_can_be_worked_out_from_the_page_and_the_view_by_module(string by)
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var page = await client.GetPageAsync($"/reports/uptake?by={by}");
        var totals = await client.GetPageAsync("/reports/uptake?by=Module");

        var rows = TableRows(page, "uptake");
        Assert.Equal((await CsvAsync(client, $"/reports/uptake.csv?by={by}")).Skip(1), rows.Select(CsvLine));
        var reader = new Reader();
        string[] columns = ["in scope", "started", "completed", "rate", "median", "refresh due"];
        foreach (var row in TableRows(totals, "uptake"))
            for (var c = 0; c < columns.Length; c++) reader.Add($"{row[0]}|total|{columns[c]}", row[1 + c]);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++) reader.Add($"{row[0]}|{row[1]}|{columns[c]}", row[2 + c]);
            reader.Rates.Add(($"{row[0]}|{row[1]}|completed", $"{row[0]}|{row[1]}|rate", $"{row[0]}|{row[1]}|in scope"));
        }
        foreach (var module in rows.GroupBy(r => r[0]))
            foreach (var column in new[] { "in scope", "started", "completed", "refresh due" })
                reader.Sums.Add(($"{module.Key}|total|{column}", [.. module.Select(r => $"{module.Key}|{r[1]}|{column}")]));

        reader.AssertNothingRecovered();
        // South's three and their one completion are under five in every breakdown, and the one beside them is withheld.
        Assert.Contains(rows, r => r.Contains("fewer than 5"));
        Assert.Contains(rows, r => r.Contains(Withheld));
    }

    [Fact]
    public async Task No_hidden_figure_on_the_targets_page_can_be_worked_out_with_the_uptake_totals()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);
        var due = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var agency in new[] { cast.North, cast.South, cast.East })
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/reports/targets/new", "/reports/targets/new",
                [new("Agency", agency.ToString()), new("Module", ModuleId), new("Percent", "50"), new("DueOn", due)])).StatusCode);

        var page = await client.GetPageAsync("/reports/targets");
        var totals = TableRows(await client.GetPageAsync("/reports/uptake?by=Module"), "uptake").Single(r => r[0] == Title);

        var rows = TableRows(page, "targets");
        Assert.Equal(string.Join('\n',
            $"East|{Title}|50%|{Withheld}|fewer than 5|fewer than 5|Not shown (fewer than 5)",
            $"North|{Title}|50%|10|6|60%|Met",
            $"South|{Title}|50%|fewer than 5|fewer than 5|fewer than 5|Not shown (fewer than 5)"),
            string.Join('\n', rows.Select(r => string.Join('|', [r[0], r[1], r[2], .. r[4..8]]))));
        Assert.Equal(rows.Select(r => string.Join(',', r[4..8])), (await CsvAsync(client, "/reports/targets.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[4..8])));
        var reader = new Reader();
        reader.Add("in scope", totals[1]);
        reader.Add("completed", totals[3]);
        foreach (var row in rows)
        {
            reader.Add($"{row[0]}|in scope", row[4]);
            reader.Add($"{row[0]}|completed", row[5]);
            reader.Add($"{row[0]}|rate", row[6]);
            reader.Rates.Add(($"{row[0]}|completed", $"{row[0]}|rate", $"{row[0]}|in scope"));
        }
        reader.Sums.Add(("in scope", [.. rows.Select(r => $"{r[0]}|in scope")]));
        reader.Sums.Add(("completed", [.. rows.Select(r => $"{r[0]}|completed")]));
        reader.AssertNothingRecovered();
    }

    [Fact]
    public async Task A_target_whose_rate_is_withheld_says_why_its_status_is_not_shown()
    {
        var cast = await CastAsync();
        var client = await Factory.SignedInAsync(cast.Commissioner);
        var due = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Social workers only: North's and East's, under a total of 16. East's nought completions take North's six with them.
        await client.PostFormAsync("/reports/targets/new", "/reports/targets/new", [new("Agency", cast.North.ToString()), new("Module", ModuleId), new("Percent", "90"), new("DueOn", due)]);
        await Factory.WithDbAsync(async db =>
        {
            foreach (var officer in await db.Users.Where(u => u.AgencyId == cast.South).ToListAsync()) officer.Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var csv = await CsvAsync(client, "/reports/targets.csv");

        Assert.Equal($"North,{Title},90%,{due},10,{Withheld},{Withheld},Not shown (to protect a small number)", csv[1]);
        var page = await client.GetPageAsync("/reports/targets");
        Assert.Contains("Not shown (to protect a small number)", page);
        Assert.DoesNotContain("Behind or missed", page); // behind, by figures that would give East's nought away
    }

    [Fact]
    public async Task No_hidden_completions_in_the_trends_can_be_worked_out_from_the_months_totals()
    {
        var cast = await CastAsync();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 9, 0, 0, DateTimeKind.Utc);
        async Task<List<Guid>> LearnersOf(Guid agency) => await Factory.WithDbAsync(db => db.Users
            .Where(u => u.AgencyId == agency && u.IsActive && u.JobRole != JobRole.Commissioner && u.JobRole != JobRole.Manager).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync());
        var (north, south, east) = (await LearnersOf(cast.North), await LearnersOf(cast.South), await LearnersOf(cast.East));
        await Factory.WithDbAsync(db => ReportTables.WriteAroundAsync(db, ct => db.Database.ExecuteSqlRawAsync("DELETE FROM \"ModuleCompletions\"", ct)));
        // Last month North 5, East 6, South none: South's nought alone would be 11 − 5 − 6. This month North 7, South 2.
        for (var i = 0; i < 5; i++) await CompleteAsync(north[i], thisMonth.AddMonths(-1), minutes: 10, progressNumber: 2);
        for (var i = 0; i < 6; i++) await CompleteAsync(east[i], thisMonth.AddMonths(-1), minutes: 10, progressNumber: 2);
        for (var i = 0; i < 7; i++) await CompleteAsync(north[i], thisMonth, minutes: 10, progressNumber: 3);
        for (var i = 0; i < 2; i++) await CompleteAsync(south[i], thisMonth, minutes: 10, progressNumber: 2);
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var rows = TableRows(await client.GetPageAsync("/reports/trends"), "trends");

        Assert.Equal((await CsvAsync(client, "/reports/trends.csv")).Skip(1), rows.Select(CsvLine));
        Assert.Equal(["East", "North", "South", "All agencies"], rows.Select(r => r[0]));
        var reader = new Reader();
        foreach (var row in rows)
            for (var m = 1; m < row.Length; m++) reader.Add($"{row[0]}|{m}", row[m]);
        for (var m = 1; m <= 12; m++) reader.Sums.Add(($"All agencies|{m}", [.. rows.SkipLast(1).Select(r => $"{r[0]}|{m}")]));
        reader.AssertNothingRecovered();
        Assert.Equal([Withheld, "7"], rows[1][^2..]);
    }

    [Fact]
    public async Task No_hidden_choice_or_ending_can_be_worked_out_from_the_people_deciding_and_the_shares()
    {
        var cast = await CastAsync();
        var north = await Factory.WithDbAsync(db => db.Users.Where(u => u.AgencyId == cast.North && u.IsActive && u.JobRole == JobRole.SocialWorker).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync());
        // Eight welcome Kayla back and two threaten sanctions; of the eight, six stay curious and reach the good ending,
        // two accept it is her choice and reach the poor one.
        for (var i = 0; i < 10; i++)
            await DecideAsync(north[i], i switch
            {
                < 6 => [("back-late", 1), ("next-day", 1), ("sharing", 1)],
                < 8 => [("back-late", 1), ("next-day", 2)],
                _ => [("back-late", 2), ("sanction", 1)],
            });
        var client = await Factory.SignedInAsync(cast.Commissioner);

        var page = await client.GetPageAsync($"/reports/scenarios?module={ModuleId}");
        var csv = (await CsvAsync(client, $"/reports/scenarios.csv?module={ModuleId}")).Skip(1).Select(l => l.Split(',')[^2..]).ToList();

        var reader = new Reader();
        var deciding = Regex.Matches(page, "People deciding here: ([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        var reaching = Regex.Matches(page, "People reaching an ending: ([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        var shown = new List<string[]>();
        void Table(string name, string people, List<string[]> rows)
        {
            reader.Add(name, people);
            for (var r = 0; r < rows.Count; r++)
            {
                reader.Add($"{name}|{r}", rows[r][1]);
                reader.Add($"{name}|{r}|share", rows[r][2]);
                reader.Rates.Add(($"{name}|{r}", $"{name}|{r}|share", name));
            }
            reader.Sums.Add((name, [.. rows.Select((_, r) => $"{name}|{r}")]));
            shown.AddRange(rows.Select(r => r[1..]));
        }
        for (var i = 0; i < deciding.Count; i++) Table($"point {i + 1}", deciding[i], TableRows(page, $"point-{i + 1}-table"));
        for (var i = 0; i < reaching.Count; i++) Table($"endings {i + 1}", reaching[i], TableRows(page, $"endings-{i + 1}-table"));
        // The people who chose an option are, mostly, the people deciding at the point it leads to, or ending at its ending.
        var scenario = Module.SectionsOf<Scenario>().Single();
        var points = scenario.Nodes.Where(n => !n.IsEnding && n.Choices.Count > 0).ToList();
        var endings = scenario.Nodes.Where(n => n.IsEnding && n.Outcome is not null).ToList();
        Assert.Equal(points.Count, deciding.Count);
        var names = points.Select((n, i) => (n.Id, Name: $"point {i + 1}")).Concat(endings.Select((n, i) => (n.Id, Name: $"endings 1|{i}"))).ToList();
        foreach (var (node, name) in names)
        {
            var leading = points.SelectMany((n, p) => n.Choices.Select((c, i) => (c.Target, Name: $"point {p + 1}|{i}"))).Where(c => c.Target == node).Select(c => c.Name).ToArray();
            if (leading.Length > 0) reader.Sums.Add((name, leading));
        }

        reader.AssertNothingRecovered();
        Assert.Equal(csv, shown);
        Assert.Equal("10", deciding[0]);
        Assert.Equal("8", reaching[0]);
        Assert.Contains(shown, r => r[0] == Withheld && r[1] == Withheld);
    }

    /// <summary>A reader with a page's figures by name (null where hidden), the sums that join them and the rates (part = rate × whole).</summary>
    private sealed class Reader
    {
        private readonly Dictionary<string, double?> figures = [];

        public List<(string Total, string[] Parts)> Sums { get; } = [];

        public List<(string Part, string Rate, string Whole)> Rates { get; } = [];

        public void Add(string name, string text) => figures[name] = text == "fewer than 5" || text == Withheld ? null
            : double.Parse(Regex.Match(text, @"^[\d.]+").Value, CultureInfo.InvariantCulture);

        public void AssertNothingRecovered()
        {
            Assert.Contains(figures.Values, v => v is null);
            Assert.All(Sums.SelectMany(s => s.Parts.Append(s.Total)).Concat(Rates.SelectMany(r => new[] { r.Part, r.Rate, r.Whole })),
                name => Assert.True(figures.ContainsKey(name), $"no figure {name}"));
            var known = figures.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!.Value);
            var recovered = new Dictionary<string, double>();
            void Learn(string name, double value)
            {
                known[name] = value;
                recovered[name] = value;
            }
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var (total, parts) in Sums)
                {
                    var unknown = parts.Append(total).Where(n => !known.ContainsKey(n)).ToList();
                    if (unknown.Count != 1) continue;
                    var others = parts.Where(p => p != unknown[0]).Sum(p => known[p]);
                    Learn(unknown[0], unknown[0] == total ? others : known[total] - others);
                    changed = true;
                }
                foreach (var (part, rate, whole) in Rates)
                {
                    if (!known.TryGetValue(rate, out var percent)) continue;
                    if (!known.ContainsKey(part) && known.TryGetValue(whole, out var w)) Learn(part, Math.Round(percent * w / 100));
                    else if (!known.ContainsKey(whole) && known.TryGetValue(part, out var p) && percent > 0) Learn(whole, Math.Round(p * 100 / percent));
                    else continue;
                    changed = true;
                }
            }
            Assert.True(recovered.Count == 0, "worked out: " + string.Join("; ", recovered.Select(r => $"{r.Key} = {r.Value}")));
        }
    }

    /// <summary>The text of each cell of each row in the body of the table with this id.</summary>
    private static List<string[]> TableRows(string page, string id)
    {
        var table = page[page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..];
        table = table[table.IndexOf("<tbody", StringComparison.Ordinal)..table.IndexOf("</tbody>", StringComparison.Ordinal)];
        return Regex.Matches(table, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
                .Select(cell => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(cell.Groups[1].Value, "<[^>]+>", "", RegexOptions.Singleline), @"\s+", " ").Trim()))
                .ToArray())
            .ToList();
    }

    private static string CsvLine(string[] cells) => string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
}
