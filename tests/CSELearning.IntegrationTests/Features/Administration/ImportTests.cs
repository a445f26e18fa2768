using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Importing people from a CSV file: everyone or no one.</summary>
public abstract partial class ImportTests(AppFactory factory) : AdministrationTest(factory)
{
    private const string Header = "email,name,job_role,agency,team,roles,supervisor_email";

    private TestData.Organisation _org = null!;
    private Guid _healthId;
    private User _priya = null!;

    [Fact]
    public async Task A_good_file_creates_everyone_with_their_roles_teams_and_supervisors_and_invites_them()
    {
        var browser = await ArrangeAsync();
        var file = Encoding.UTF8.Preamble.ToArray().Concat(Csv(
            "Email,Name,Job_Role,Agency,Team,Roles,Supervisor_Email",
            "jo.bloggs@riverside.example,Jo Bloggs,Social worker,riverside police,exploitation team,Learner,priya.shah@riverside.example",
            "sam.lee@riverside.example,Sam Lee,SocialWorker,Riverside Health,,Learner;Supervisor,",
            "\"kim.ray@riverside.example\",\"Ray, Kim\",Youth worker,Riverside Health,,learner,SAM.LEE@riverside.example",
            "alex.second@platform.example,Alex Second,Other,,,Administrator,")).ToArray();

        var response = await UploadAsync(browser, _org.Partnership.Id, file);

        AssertRedirect(response, "/admin/users");
        Assert.Contains("4 accounts imported", await browser.GetPageAsync("/admin/users"));
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        await Factory.WithDbAsync(async db =>
        {
            var people = await db.Users.AsNoTracking().Where(u => u.Email != AdminEmail && u.Id != _priya.Id).ToDictionaryAsync(u => u.Email!);
            Assert.Equal(4, people.Count);
            var jo = people["jo.bloggs@riverside.example"];
            Assert.Equal(("Jo Bloggs", JobRole.SocialWorker, _org.Agency.Id, _org.Team.Id, true), (jo.DisplayName, jo.JobRole, jo.AgencyId, jo.TeamId, jo.IsActive));
            Assert.Equal("JO.BLOGGS@RIVERSIDE.EXAMPLE", jo.NormalizedEmail);
            Assert.Null(jo.PasswordHash);
            var sam = people["sam.lee@riverside.example"];
            Assert.Equal((JobRole.SocialWorker, _healthId, (Guid?)null), (sam.JobRole, sam.AgencyId, sam.TeamId));
            Assert.Equal("Ray, Kim", people["kim.ray@riverside.example"].DisplayName);
            Assert.Null(people["alex.second@platform.example"].AgencyId);

            var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync())
                .ToLookup(r => r.UserId, r => r.Name);
            Assert.Equal([Roles.Learner], roles[jo.Id]);
            Assert.Equal([Roles.Learner, Roles.Supervisor], roles[sam.Id].Order());
            Assert.Equal([Roles.Learner], roles[people["kim.ray@riverside.example"].Id]);
            Assert.Equal([Roles.Administrator], roles[people["alex.second@platform.example"].Id]);

            var supervision = await db.SupervisionRelationships.AsNoTracking().Select(s => new { s.SupervisorId, s.SuperviseeId, s.StartsOn, s.EndsOn }).ToListAsync();
            Assert.Equal(2, supervision.Count);
            Assert.Contains(new { SupervisorId = _priya.Id, SuperviseeId = jo.Id, StartsOn = today, EndsOn = (DateOnly?)null }, supervision);
            Assert.Contains(new { SupervisorId = sam.Id, SuperviseeId = people["kim.ray@riverside.example"].Id, StartsOn = today, EndsOn = (DateOnly?)null }, supervision);
        });

        var invitations = Factory.Email.Sent;
        Assert.Equal(4, invitations.Count);
        Assert.All(invitations, m => Assert.Contains("https://localhost/account/reset-password?user=", m.Body));
        Assert.Equal(["alex.second@platform.example", "jo.bloggs@riverside.example", "kim.ray@riverside.example", "sam.lee@riverside.example"], invitations.Select(m => m.To).Order());
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_reasons_and_no_one_is_imported()
    {
        var browser = await ArrangeAsync();
        var file = Csv(Header,
            "good.one@riverside.example,Good One,Other,Riverside Police,,Learner,",                               // 2: fine
            ",No Email,Other,Riverside Police,,Learner,",                                                          // 3
            "not-an-email,Bad Email,Other,Riverside Police,,Learner,",                                             // 4
            "PRIYA.SHAH@riverside.example,Already Here,Other,Riverside Police,,Learner,",                          // 5
            "good.one@riverside.example,Twice,Other,Riverside Police,,Learner,",                                   // 6
            "wiz@riverside.example,Wiz,Wizard,Riverside Police,,Learner,",                                         // 7
            "fire@riverside.example,Fire,Other,Riverside Fire,,Learner,",                                          // 8
            "team@riverside.example,Team,Other,Riverside Health,Exploitation Team,Learner,",                       // 9
            "role@riverside.example,Role,Other,Riverside Police,,Boss,",                                           // 10
            "noagency@riverside.example,No Agency,Other,,,Commissioner,",                                          // 11
            "nosup@riverside.example,No Sup,Other,Riverside Police,,Learner,nobody@riverside.example",             // 12
            "formula@riverside.example,=HYPERLINK(\"http://evil.example\"),Other,Riverside Police,,Learner,",      // 13
            "",                                                                                                    // 14: blank line
            "short@riverside.example,Short,Other,Riverside Police,,Learner",                                       // 15
            "notsup@riverside.example,Not Sup,Other,Riverside Police,,Learner,good.one@riverside.example");        // 16
        var before = await SnapshotAsync();

        var response = await UploadAsync(browser, _org.Partnership.Id, file);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("13 rows have problems, so no one was imported.", page);
        var rows = ProblemRows(page);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16], rows.Keys);
        AssertReason(rows, 3, "email: the cell is empty.");
        AssertReason(rows, 4, "email: Enter an email address in the right format, like name@example.org.");
        AssertReason(rows, 5, "email: an account with PRIYA.SHAH@riverside.example already exists.");
        AssertReason(rows, 6, "email: good.one@riverside.example is also on line 2.");
        AssertReason(rows, 7, "job_role: \"Wizard\" is not a job role.");
        AssertReason(rows, 8, "agency: there is no agency called \"Riverside Fire\" in Riverside Safeguarding Partnership.");
        AssertReason(rows, 9, "team: Riverside Health has no team called \"Exploitation Team\".");
        AssertReason(rows, 10, "roles: \"Boss\" is not a role.");
        AssertReason(rows, 11, "agency: Learners, supervisors and commissioners must belong to an agency: choose one.");
        AssertReason(rows, 12, "supervisor_email: nobody@riverside.example is neither an active supervisor nor a person given the Supervisor role in this file.");
        AssertReason(rows, 13, "name: the cell starts with \"=\", so a spreadsheet could run it as a formula.");
        AssertReason(rows, 15, "The row has 6 cells but the header row has 7.");
        AssertReason(rows, 16, "supervisor_email: good.one@riverside.example is neither an active supervisor");
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(Factory.Email.Sent);
    }

    [Fact]
    public async Task A_deactivated_supervisor_or_one_without_the_role_cannot_be_named()
    {
        var browser = await ArrangeAsync();
        var gone = await Factory.CreateUserAsync("gone@riverside.example", _org, Roles.Supervisor);
        await Factory.CreateUserAsync("learner@riverside.example", _org, Roles.Learner);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == gone.Id)).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var before = await SnapshotAsync();

        var response = await UploadAsync(browser, _org.Partnership.Id, Csv(Header,
            "a@riverside.example,A,Other,Riverside Police,,Learner,gone@riverside.example",
            "b@riverside.example,B,Other,Riverside Police,,Learner,learner@riverside.example"));

        var rows = ProblemRows(await response.Content.ReadAsStringAsync());
        AssertReason(rows, 2, "supervisor_email: gone@riverside.example is neither an active supervisor");
        AssertReason(rows, 3, "supervisor_email: learner@riverside.example is neither an active supervisor");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Files_that_cannot_be_read_get_a_clear_message_and_import_nothing()
    {
        var browser = await ArrangeAsync();
        var good = Csv(Header, "jo@riverside.example,Jo,Other,Riverside Police,,Learner,");
        var tooBig = Csv([Header, .. Enumerable.Range(0, 12_000).Select(i => $"person{i}@riverside.example,Person {i} with a long enough name,Other,Riverside Police,,Learner,")]);
        Assert.True(tooBig.Length > 1024 * 1024 && tooBig.Length < 2 * 1024 * 1024);
        var tooMany = Csv([Header, .. Enumerable.Range(0, 5001).Select(i => $"p{i}@riverside.example,P {i},Other,Riverside Police,,Learner,")]);
        var latin1 = Csv(Header).Concat(Encoding.Latin1.GetBytes("chloe@riverside.example,Chlo\u00e9 Nowak,Other,Riverside Police,,Learner,\r\n")).ToArray();
        var cases = new (Guid? Partnership, byte[]? File, string Message)[]
        {
            (_org.Partnership.Id, null, "Select a CSV file."),
            (_org.Partnership.Id, [], "The selected file is empty."),
            (_org.Partnership.Id, Encoding.UTF8.GetBytes("\r\n\r\n"), "The selected file is empty."),
            (_org.Partnership.Id, Csv(Header), "The file has a header row but no people."),
            (_org.Partnership.Id, Csv("email,name,jobrole,agency,team,roles", "jo@riverside.example,Jo,Other,Riverside Police,,Learner"),
                "The header row must have the columns email,name,job_role,agency,team,roles,supervisor_email (missing: job_role, supervisor_email; not expected: jobrole)."),
            (_org.Partnership.Id, latin1, "The selected file is not saved as UTF-8 text."),
            (_org.Partnership.Id, tooBig, "The selected file must be 1 MB or smaller."),
            (_org.Partnership.Id, tooMany, "The file has more than 5,000 people."),
            (null, good, "Choose the partnership these people belong to."),
            (Guid.NewGuid(), good, "Choose a partnership from the list."),
        };
        var before = await SnapshotAsync();

        foreach (var (partnership, file, message) in cases)
        {
            var response = await UploadAsync(browser, partnership, file);
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{message}: got {(int)response.StatusCode}");
            Assert.Contains("There is a problem", page);
            Assert.Contains(Html(message), page);
        }
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(Factory.Email.Sent);
    }

    [Fact]
    public async Task A_file_over_the_site_upload_limit_gets_a_too_large_page_and_changes_nothing()
    {
        var browser = await ArrangeAsync();
        var huge = new byte[3 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        var before = await SnapshotAsync();

        var response = await UploadAsync(browser, _org.Partnership.Id, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too large to send", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<HttpClient> ArrangeAsync()
    {
        _org = await Factory.CreateOrganisationAsync("Riverside Safeguarding Partnership");
        await Factory.WithDbAsync(async db =>
        {
            (await db.Agencies.SingleAsync()).Update("Riverside Police", AgencySector.Police, true);
            var health = new Agency(_org.Partnership.Id, "Riverside Health", AgencySector.Health);
            db.Agencies.Add(health);
            await db.SaveChangesAsync();
            _healthId = health.Id;
        });
        _priya = await Factory.CreateUserAsync("priya.shah@riverside.example", _org, Roles.Supervisor);
        var (browser, _) = await SignInAsAdministratorAsync();
        return browser;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, Guid? partnershipId, byte[]? file)
    {
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/admin/users/import"));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(partnershipId?.ToString() ?? ""), "PartnershipId" },
        };
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, "File", "people.csv");
        }
        return await browser.PostAsync("/admin/users/import", content);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static SortedDictionary<int, string> ProblemRows(string page) =>
        new(ProblemRow().Matches(page).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value));

    private static void AssertReason(SortedDictionary<int, string> rows, int line, string reason)
    {
        Assert.True(rows.TryGetValue(line, out var reasons), $"Line {line} is not reported.");
        Assert.Contains(Html(reason), reasons);
    }

    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header govuk-table__header--numeric\">(\\d+)</th>\\s*<td class=\"govuk-table__cell\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex ProblemRow();
}

public sealed class ImportTestsOnSqlite(SqliteAppFactory factory) : ImportTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class ImportTestsOnPostgres(PostgresAppFactory factory) : ImportTests(factory), IClassFixture<PostgresAppFactory>;
