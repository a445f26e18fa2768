using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>
/// What an attacker types or sends: script in every free-text field, posts without or with someone else's
/// antiforgery token, return addresses that leave the site, extra form fields naming ids and roles, bodies and
/// fields too large, tampered certificate numbers and codes, and paths that climb out of the content folder.
/// </summary>
public abstract partial class HostileInputTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string BadRequestText = "Something was wrong with that request";

    /// <summary>Script in two forms plus both quotes, numbered so each field's copy can be found on the pages.</summary>
    private static string Payload(int n) => $"<script>alert({n})</script><img src=x onerror=alert({n})>\"'";

    /// <summary>The payload's script tag as HTML encoding shows it: text, not markup.</summary>
    private static string Encoded(int n) => $"&lt;script&gt;alert({n})&lt;/script&gt;&lt;img src=x onerror=alert({n})&gt;";

    // Stored script

    [Fact]
    public async Task Script_saved_in_any_free_text_field_is_shown_as_text_on_every_page_that_displays_it()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var supervisor = await Factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);
        var commissioner = await Factory.SignedInAsync(world.Person(Principal.Commissioner).Email!);
        var v = world.Values;
        var fields = new List<string>();
        int Next(string field) { fields.Add(field); return fields.Count; }

        async Task<HttpResponseMessage> Post(HttpClient client, string formUrl, string postUrl, params (string Name, string Value)[] form)
        {
            var response = await client.PostFormAsync(formUrl, postUrl, form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {postUrl}: {(int)response.StatusCode}\n{Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
            return response;
        }

        // A person's name through the CSV import (before the agency it names is renamed below).
        var importName = Payload(Next("imported name"));
        var csv = System.Text.Encoding.UTF8.GetBytes("email,name,job_role,agency,team,roles,supervisor_email\r\n"
            + $"imported@riverside.example,\"{importName.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Other,{world.P1.Agency.Name},,Learner,\r\n");
        using (var upload = new MultipartFormDataContent
        {
            { new StringContent(Browser.AntiforgeryToken(await admin.GetPageAsync("/admin/users/import"))), "__RequestVerificationToken" },
            { new StringContent(v["partnership"]), "PartnershipId" },
            { new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } }, "File", "people.csv" },
        })
        {
            var imported = await admin.PostAsync("/admin/users/import", upload);
            var page = await imported.Content.ReadAsStringAsync();
            Assert.True(imported.IsSuccessStatusCode || imported.StatusCode == HttpStatusCode.Redirect, $"import: {(int)imported.StatusCode}");
            Assert.DoesNotMatch(RawMarkup(), page);
            Assert.Equal(1, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "imported@riverside.example")));
        }

        // Organisation names and a person's name, through the administrator's forms.
        await Post(admin, $"/admin/partnerships/{v["partnership"]}/edit", $"/admin/partnerships/{v["partnership"]}/edit", ("Name", Payload(Next("partnership name"))));
        await Post(admin, $"/admin/agencies/{v["agency"]}/edit", $"/admin/agencies/{v["agency"]}/edit",
            ("Name", Payload(Next("agency name"))), ("Sector", "Police"), ("IsActive", "true"));
        await Post(admin, $"/admin/teams/{v["team"]}/edit", $"/admin/teams/{v["team"]}/edit", ("Name", Payload(Next("team name"))), ("IsActive", "true"));
        await Post(admin, $"/admin/users/{v["author"]}/edit", $"/admin/users/{v["author"]}/edit",
            ("Email", world.Person(Principal.Author).Email!), ("Name", Payload(Next("person's name"))), ("JobRole", "SocialWorker"),
            ("AgencyId", v["agency"]), ("TeamId", v["team"]), ("Roles", "Learner"));
        await Post(admin, "/admin/partnerships/new", "/admin/partnerships/new", ("Name", Payload(Next("new partnership name"))));

        // The supervisor's comment and revision request on the shared log, then the author's rewrite of every stage.
        var log = $"/reflections/{world.LogId}";
        await Post(supervisor, log, $"{log}/comments", ("Version", "2"), ("Stage", "feelings"), ("Text", Payload(Next("review comment"))));
        var version = await LogVersionAsync(world.LogId);
        await Post(supervisor, log, $"{log}/request-revision", ("Version", version.ToString(CultureInfo.InvariantCulture)), ("Text", Payload(Next("revision request"))));
        version = await LogVersionAsync(world.LogId);
        await Post(author, log, log, [("Version", version.ToString(CultureInfo.InvariantCulture)), ("Title", Payload(Next("log title"))),
            .. GibbsStages.All.Select(s => (s.ToString(), Payload(Next($"log {s.Key()}"))))]);

        // A new supervision record with every note and an action, and the supervisee's comment on the signed one.
        var start = $"/supervision/records/new?supervisee={v["author"]}";
        var created = await Post(supervisor, start, start, ("Version", "0"), ("SessionDate", v["today"]),
            ("Attendees", Payload(Next("record attendees"))), ("Agenda", Payload(Next("record agenda"))), ("Discussion", Payload(Next("record discussion"))),
            ("Wellbeing", Payload(Next("record wellbeing"))), ("Decisions", Payload(Next("record decisions"))),
            ("Actions[0].Description", Payload(Next("record action"))), ("Actions[0].Owner", "Supervisee"), ("Actions[0].DueOn", ""));
        var newRecord = created.Headers.Location!.OriginalString;
        var record = $"/supervision/records/{world.RecordId}";
        await Post(author, record, $"{record}/comments", ("Text", Payload(Next("record comment"))));

        // Revoking the certificate with a reason.
        await Post(admin, $"/admin/certificates/{v["certificate"]}", $"/admin/certificates/{v["certificate"]}/revoke", ("Reason", Payload(Next("revocation reason"))), ("Confirm", "true"));

        var pages = new (HttpClient Client, string Url)[]
        {
            (admin, "/admin"), (admin, "/admin/partnerships"), (admin, $"/admin/partnerships/{v["partnership"]}"), (admin, $"/admin/partnerships/{v["partnership"]}/edit"),
            (admin, $"/admin/partnerships/{v["partnership"]}/agencies/new"), (admin, $"/admin/agencies/{v["agency"]}/edit"), (admin, $"/admin/agencies/{v["agency"]}/learning"),
            (admin, $"/admin/agencies/{v["agency"]}/teams/new"), (admin, $"/admin/teams/{v["team"]}/edit"), (admin, "/admin/users"), (admin, "/admin/users/new"),
            (admin, $"/admin/users/{v["author"]}"), (admin, $"/admin/users/{v["author"]}/edit"), (admin, $"/admin/users/{v["author"]}/supervisors/new"),
            (admin, $"/admin/users/{v["supervisor"]}"), (admin, $"/admin/certificates/{v["certificate"]}"),
            (admin, "/admin/audit"), (admin, "/admin/users/import"), (admin, $"/reports/uptake?partnership={v["partnership"]}&by=Team"),
            (admin, $"/reports/targets?partnership={v["partnership"]}"), (admin, "/certificates/download"),
            (commissioner, "/"), (commissioner, "/reports/uptake"), (commissioner, "/reports/uptake?by=Team"), (commissioner, "/reports/targets"),
            (commissioner, "/reports/targets/new"), (commissioner, "/reports/trends"), (commissioner, $"/reports/scenarios?module={AccessWorld.ModuleId}"),
            (commissioner, "/certificates/download"),
            (author, "/"), (author, "/account"), (author, "/my-learning"), (author, "/reflections"), (author, log), (author, $"{log}/share"),
            (author, "/supervision/records"), (author, record), (author, newRecord),
            (supervisor, "/"), (supervisor, "/supervision/caseload"), (supervisor, log), (supervisor, "/supervision/records"), (supervisor, record),
            (supervisor, newRecord),
            (Factory.CreateBrowser(), $"/verify/{v["code"]}"),
        };
        var seen = new HashSet<int>();
        foreach (var (client, url) in pages)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotMatch(RawMarkup(), html);
            for (var n = 1; n <= fields.Count; n++)
                if (html.Contains(Encoded(n), StringComparison.Ordinal)) seen.Add(n);
        }

        var unseen = Enumerable.Range(1, fields.Count).Where(n => !seen.Contains(n)).Select(n => fields[n - 1]).ToList();
        Assert.True(unseen.Count == 0, $"Fields whose text no page showed (so their encoding went untested): {string.Join(", ", unseen)}");
    }

    // Antiforgery

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_refused_with_the_bad_request_page_and_changes_nothing()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var browsers = new Dictionary<Principal, HttpClient>();
        foreach (var (principal, person) in world.People)
            browsers[principal] = person is null ? Factory.CreateBrowser() : await Factory.SignedInAsync(person.Email!);
        var before = await AccessWorld.SnapshotAsync(Factory);
        var wrong = new List<string>();

        // Each post is sent by everyone the matrix lets through, so the refusal is the token's, not the person's.
        foreach (var endpoint in Endpoints.Of(Factory).Where(e => e.Method == "POST"))
        {
            var row = AccessMatrixTests.Matrix[endpoint.Key];
            var allowed = Enum.GetValues<Principal>().Where(p => row.For(p) is Answer.Ok or Answer.Reached).ToList();
            Assert.True(allowed.Count > 0, $"{endpoint.Key}: nobody may post it");
            foreach (var principal in allowed)
            {
                var response = await browsers[principal].PostAsync(world.Fill(row.Url), new FormUrlEncodedContent(Fields(world.Fill(row.Form))));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains(BadRequestText, StringComparison.Ordinal))
                    wrong.Add($"{endpoint.Key} as {principal}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory));
    }

    [Fact]
    public async Task A_token_from_another_session_or_from_before_signing_in_is_refused()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = Factory.CreateBrowser();
        var stale = Browser.AntiforgeryToken(await author.GetPageAsync("/account/sign-in"));
        Assert.Equal(HttpStatusCode.Redirect, (await author.SignInAsync(world.Person(Principal.Author).Email!)).StatusCode);
        var supervisor = await Factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);
        var supervisorsToken = Browser.AntiforgeryToken(await supervisor.GetPageAsync($"/reflections/{world.LogId}"));
        var othersToken = Browser.AntiforgeryToken(await (await Factory.SignedInAsync(world.Person(Principal.Unrelated).Email!)).GetPageAsync("/account/change-password"));
        var before = await AccessWorld.SnapshotAsync(Factory);

        (HttpClient Client, string Url, string Token, KeyValuePair<string, string>[] Fields)[] posts =
        [
            (author, $"/reflections/{world.LogId}", stale, [new("Version", "2"), new("Title", "Replaced")]),
            (author, "/reflections/new", othersToken, []),
            (author, $"/supervision/records/{world.RecordId}/comments", othersToken, [new("Text", "Forged")]),
            (author, $"/supervision/records/{world.RecordId}/sign", stale, [new("Version", "2")]),
            (author, $"/supervision/records/{world.RecordId}/acknowledge/confirm", stale, [new("Version", "2")]),
            (author, "/account/change-password", stale, [new("CurrentPassword", TestData.Password), new("NewPassword", "a-new-password-nobody-knows"), new("ConfirmPassword", "a-new-password-nobody-knows")]),
            (supervisor, $"/reflections/{world.LogId}/sign-off", othersToken, [new("Version", "2")]),
            (supervisor, $"/reflections/{world.LogId}/comments", stale, [new("Version", "2"), new("Stage", "feelings"), new("Text", "Forged")]),
            // A token is bound to its own session's cookie: the supervisor's token in the author's browser fails too.
            (author, "/account/sign-out", supervisorsToken, []),
        ];
        foreach (var (client, url, token, fields) in posts)
        {
            var response = await client.PostWithTokenAsync(url, token, fields);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)response.StatusCode}");
            Assert.Contains(BadRequestText, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory));
        await author.GetPageAsync("/reflections"); // still signed in: the refused sign-out did nothing
    }

    // Open redirects

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil")]
    [InlineData("\\/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/%2f%2fevil.example")]
    [InlineData("https:evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/\t/evil.example")]
    public async Task Signing_in_never_sends_anyone_off_the_site(string returnUrl)
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var client = Factory.CreateBrowser();
        var form = await client.GetPageAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        // The form carries the address on only if it is a path on this site.
        if (ReturnUrlField().Match(form) is { Success: true } field) AssertStaysOnSite(returnUrl, WebUtility.HtmlDecode(field.Groups[1].Value));

        var response = await client.PostWithTokenAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl), Browser.AntiforgeryToken(form),
            [new("Email", world.Person(Principal.Author).Email!), new("Password", TestData.Password), new("ReturnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertStaysOnSite(returnUrl, response.Headers.Location!.OriginalString);
    }

    private static void AssertStaysOnSite(string returnUrl, string location)
    {
        Assert.True(location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal),
            $"{returnUrl} sent the browser to {location}");
        // However a browser resolves it (browsers treat a backslash as a slash, and drop tabs), it stays on this host.
        var resolved = new Uri(new Uri("https://localhost/account/sign-in"), location.Replace('\\', '/').Replace("\t", "", StringComparison.Ordinal));
        Assert.True(resolved.Host == "localhost", $"{returnUrl} sent the browser to {resolved}");
    }

    [GeneratedRegex("<input[^>]*name=\"ReturnUrl\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();

    [Theory]
    [InlineData("//evil.example/reflections")]
    [InlineData("/\\evil.example/reflections")]
    [InlineData("/reflections?returnUrl=https://evil.example/")]
    public async Task Signing_in_from_a_protected_page_never_ends_off_the_site(string path)
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var client = Factory.CreateBrowser();
        // Built by hand: as a relative address, "//evil.example" would be taken for another host.
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("https://localhost" + path)));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        if (response.Headers.Location is not { } location) return;

        // The sign-in page it is sent to, then signing in there as a browser would.
        var signIn = new Uri(new Uri("https://localhost/"), location.OriginalString);
        Assert.Equal(("localhost", "/account/sign-in"), (signIn.Host, signIn.AbsolutePath));
        var form = await client.GetPageAsync(signIn.PathAndQuery);
        var returnUrl = ReturnUrlField().Match(form) is { Success: true } field ? WebUtility.HtmlDecode(field.Groups[1].Value) : "";
        var signedIn = await client.PostWithTokenAsync(signIn.PathAndQuery, Browser.AntiforgeryToken(form),
            [new("Email", world.Person(Principal.Author).Email!), new("Password", TestData.Password), new("ReturnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        AssertStaysOnSite(path, signedIn.Headers.Location!.OriginalString);
    }

    // Brute force: lockout, the rate limit and the single message are proved in SignInSecurityTests, RateLimitTests
    // and SignInTests; what they leave is the time an answer takes.

    [Fact]
    public async Task Every_refused_sign_in_costs_one_password_hash_so_its_timing_does_not_say_whether_the_account_exists()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var counter = new CountingPasswordHasher();
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<User>>(counter)));
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "pat.spare@riverside.example")).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var unrelated = world.Person(Principal.Unrelated).Email!;
        for (var i = 0; i < PasswordPolicy.MaxFailedAttempts; i++) await app.CreateBrowser().SignInAsync(unrelated, $"wrong-password-number-{i}");

        (string Case, string Email, string Password)[] attempts =
        [
            ("no such account", "nobody@riverside.example", "a-wrong-password-1"),
            ("wrong password", world.Person(Principal.Author).Email!, "a-wrong-password-2"),
            ("deactivated account, right password", "pat.spare@riverside.example", TestData.Password),
            ("locked account, right password", unrelated, TestData.Password),
        ];
        foreach (var (name, email, password) in attempts)
        {
            var before = counter.Verifications;
            var response = await app.CreateBrowser().SignInAsync(email, password);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.True(counter.Verifications - before == 1, $"{name}: {counter.Verifications - before} password hashes");
        }
    }

    /// <summary>The application's password hasher at its real cost, counting how often a password is checked.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new(Options.Create(new PasswordHasherOptions { IterationCount = PasswordPolicy.HashIterations }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    // Mass assignment

    [Fact]
    public async Task Extra_form_fields_naming_ids_owners_statuses_and_roles_are_ignored()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var supervisor = await Factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var unrelated = world.Person(Principal.Unrelated).Id.ToString();
        var other = world.P2;
        KeyValuePair<string, string>[] hostile =
        [
            new("Id", Guid.NewGuid().ToString()), new("UserId", unrelated), new("AuthorId", unrelated), new("OwnerId", unrelated),
            new("SupervisorId", unrelated), new("SuperviseeId", unrelated), new("Status", "SignedOff"), new("Role", "Administrator"),
            new("Roles[0]", "Administrator"), new("IsAdministrator", "true"), new("AgencyId", other.Agency.Id.ToString()),
            new("PartnershipId", other.Partnership.Id.ToString()), new("SetById", unrelated), new("SignedOffById", unrelated),
            new("SecurityStamp", "x"), new("PasswordHash", "x"), new("EmailConfirmed", "true"), new("DeactivatedAt", "2020-01-01"),
            new("Version", "1"), new("CreatedAt", "2001-01-01"),
        ];

        // A new log, saved with fields naming someone else as author and a signed-off status.
        var created = await author.PostFormAsync("/reflections", "/reflections/new", []);
        var logUrl = created.Headers.Location!.OriginalString;
        var logId = Guid.Parse(logUrl["/reflections/".Length..]);
        var saved = await author.PostFormAsync(logUrl, [new("Title", "Mine"), .. hostile]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.AsNoTracking().SingleAsync(l => l.Id == logId));
        Assert.Equal((world.Person(Principal.Author).Id, LogStatus.Draft), (log.AuthorId, log.Status));
        Assert.Null(log.SignedOffById);
        await (await Factory.SignedInAsync(world.Person(Principal.Unrelated).Email!)).GetPageAsync(logUrl, HttpStatusCode.NotFound);

        // A supervision record started for the author, with fields naming another supervisee and supervisor.
        var start = $"/supervision/records/new?supervisee={world.Person(Principal.Author).Id}";
        var record = await supervisor.PostFormAsync(start, start, [new("SessionDate", world.Values["today"]), new("Discussion", "Ours"), .. hostile.Where(f => f.Key != "Version")]);
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        var recordId = Guid.Parse(record.Headers.Location!.OriginalString["/supervision/records/".Length..]);
        var stored = await Factory.WithDbAsync(db => db.SupervisionRecords.AsNoTracking().SingleAsync(r => r.Id == recordId));
        Assert.Equal((world.Person(Principal.Supervisor).Id, world.Person(Principal.Author).Id), (stored.SupervisorId, stored.SuperviseeId));
        Assert.Null(stored.SupervisorSignedAt);

        // The administrator's change-a-person form: the fields it offers change; ids, stamps and flags do not.
        var spare = world.Values["spare"];
        var before = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(spare)));
        var edited = await admin.PostFormAsync($"/admin/users/{spare}/edit", [new("Email", before.Email!), new("Name", "Pat Renamed"), new("JobRole", "SocialWorker"),
            new("AgencyId", world.Values["agency"]), new("TeamId", world.Values["team"]), new("Roles", "Learner"),
            .. hostile.Where(f => f.Key is not ("AgencyId" or "Roles[0]"))]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(spare)));
        Assert.Equal("Pat Renamed", after.DisplayName);
        Assert.Equal((before.SecurityStamp, before.PasswordHash, before.EmailConfirmed, before.DeactivatedAt, before.AgencyId, before.CreatedAt),
            (after.SecurityStamp, after.PasswordHash, after.EmailConfirmed, after.DeactivatedAt, after.AgencyId, after.CreatedAt));
        Assert.Equal(["Learner"], await RolesAsync(after.Id));

        // A target set by P1's commissioner with fields naming P2 and another setter.
        var commissioner = await Factory.SignedInAsync(world.Person(Principal.Commissioner).Email!);
        var target = await commissioner.PostFormAsync("/reports/targets/new", "/reports/targets/new",
            [new("Agency", world.Values["agency"]), new("Module", AccessWorld.ModuleId), new("Percent", "75"), new("DueOn", world.Values["today"]),
             .. hostile.Where(f => f.Key is not "AgencyId")]);
        Assert.Equal(HttpStatusCode.Redirect, target.StatusCode);
        var targets = await Factory.WithDbAsync(db => db.UptakeTargets.AsNoTracking().Where(t => t.Percent == 75).ToListAsync());
        var set = Assert.Single(targets);
        Assert.Equal((world.P1.Partnership.Id, world.P1.Agency.Id, world.Person(Principal.Commissioner).Id), (set.PartnershipId, set.AgencyId, set.SetById));
    }

    [Fact]
    public async Task A_form_field_or_query_parameter_named_id_cannot_turn_a_post_onto_another_record()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var first = (await author.PostFormAsync("/reflections", "/reflections/new", [])).Headers.Location!.OriginalString;
        var second = (await author.PostFormAsync("/reflections", "/reflections/new", [])).Headers.Location!.OriginalString;
        var secondId = second["/reflections/".Length..];

        // MVC reads the form before the route unless told otherwise: this post names the second log in its body.
        var token = Browser.AntiforgeryToken(await author.GetPageAsync(first));
        var saved = await author.PostWithTokenAsync(first + "?id=" + secondId, token, [new("Id", secondId), new("id", secondId), new("Version", "1"), new("Title", "Meant for the first")]);

        Assert.Equal((HttpStatusCode.Redirect, first), (saved.StatusCode, saved.Headers.Location!.OriginalString));
        Assert.Contains("Meant for the first", await author.GetPageAsync(first));
        Assert.DoesNotContain("Meant for the first", await author.GetPageAsync(second));
    }

    private Task<List<string>> RolesAsync(Guid userId) => Factory.WithDbAsync(db =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());

    // Size

    [Fact]
    public async Task A_body_over_the_site_limit_gets_the_too_large_page_and_saves_nothing()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var created = await author.PostFormAsync("/reflections", "/reflections/new", []);
        var logUrl = created.Headers.Location!.OriginalString;
        var before = await AccessWorld.SnapshotAsync(Factory);

        var response = await author.PostFormAsync(logUrl, [new("Version", "1"), new("Title", "Huge"), new("Description", new string('a', (int)SiteOptions.MaxRequestBytes))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too large to send", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory));
    }

    [Fact]
    public async Task A_chunked_body_over_the_site_limit_gets_the_too_large_page_and_saves_nothing()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var created = await author.PostFormAsync("/reflections", "/reflections/new", []);
        var logUrl = created.Headers.Location!.OriginalString;
        var logId = Guid.Parse(logUrl.Split('/')[^1]);
        var token = new KeyValuePair<string, string>("__RequestVerificationToken", Browser.FormToken(await author.GetPageAsync(logUrl), logUrl, logUrl));
        var before = await AccessWorld.SnapshotAsync(Factory);

        var response = await PostChunkedAsync(author, logUrl, [token, new("Version", "1"), new("Title", "Huge"), new("Description", new string('a', (int)SiteOptions.MaxRequestBytes))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too large to send", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory));

        // The same form at an ordinary size, also in chunks, is read in full and saved: only the size was refused.
        var saved = await PostChunkedAsync(author, logUrl, [token, new("Version", "1"), new("Title", "Sent in chunks"), new("Description", "What happened")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await LogVersionAsync(logId));
    }

    /// <summary>A form sent as a stream whose length is not known up front: Transfer-Encoding chunked, no Content-Length.</summary>
    private static async Task<HttpResponseMessage> PostChunkedAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StreamContent(await form.ReadAsStreamAsync()) };
        request.Content.Headers.ContentType = form.Headers.ContentType;
        request.Content.Headers.ContentLength = null;
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_field_over_its_length_limit_is_refused_with_a_message_and_nothing_is_saved()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var supervisor = await Factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var created = await author.PostFormAsync("/reflections", "/reflections/new", []);
        var logUrl = created.Headers.Location!.OriginalString;
        // Opening a log or record to post to it is a read the trail records; only the refused posts must change nothing.
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);
        var start = $"/supervision/records/new?supervisee={world.Values["author"]}";

        (HttpClient Client, string Form, string Post, KeyValuePair<string, string>[] Fields)[] posts =
        [
            (author, logUrl, logUrl, [new("Version", "1"), new("Title", new string('t', ReflectionText.MaxTitleLength + 1))]),
            (author, logUrl, logUrl, [new("Version", "1"), new("Title", "Fine"), new("Analysis", new string('a', ReflectionText.MaxStageLength + 1))]),
            (supervisor, $"/reflections/{world.LogId}", $"/reflections/{world.LogId}/comments", [new("Version", "2"), new("Stage", "feelings"), new("Text", new string('c', CommentText.MaxLength + 1))]),
            (supervisor, start, start, [new("Version", "0"), new("SessionDate", world.Values["today"]), new("Discussion", new string('d', 10_001))]),
            (author, $"/supervision/records/{world.RecordId}", $"/supervision/records/{world.RecordId}/comments", [new("Text", new string('c', CommentText.MaxLength + 1))]),
            (admin, $"/admin/partnerships/{world.Values["partnership"]}/edit", $"/admin/partnerships/{world.Values["partnership"]}/edit", [new("Name", new string('p', Partnership.NameMaxLength + 1))]),
            (admin, $"/admin/teams/{world.Values["team"]}/edit", $"/admin/teams/{world.Values["team"]}/edit", [new("Name", new string('p', Partnership.NameMaxLength + 1)), new("IsActive", "true")]),
            (admin, $"/admin/certificates/{world.Values["certificate"]}", $"/admin/certificates/{world.Values["certificate"]}/revoke", [new("Reason", new string('r', 501)), new("Confirm", "true")]),
        ];
        foreach (var (client, form, post, fields) in posts)
        {
            var response = await client.PostFormAsync(form, post, fields);
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"POST {post}: {(int)response.StatusCode}");
            Assert.Contains("There is a problem", page);
        }

        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));
    }

    // Tampered certificate numbers and verification codes

    [Fact]
    public async Task Tampered_certificate_numbers_and_verification_codes_are_not_found_never_a_failure()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var code = world.Values["code"];
        var number = world.Values["number"];
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var anonymous = Factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/verify/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/my-learning/certificates/{number}.pdf")).StatusCode);

        string[] Tamper(string value) =>
        [
            value[..^1] + (value[^1] == 'A' ? 'B' : 'A'),
            value.Any(char.IsUpper) ? value.ToLowerInvariant() : value.ToUpperInvariant(),
            value + "X", " " + value, value + "%0d%0aSet-Cookie:%20a=b", new string('9', 5000),
            "' OR '1'='1", "1;DROP TABLE \"Certificates\";--", "%27%20OR%201%3D1--", "\u0130\u0131\u00df\u2603\U0001F600", "%E2%80%AE" + value,
            "..%2f..%2fappsettings.json", "%2e%2e%2f", "CSE-2026-%", "CSE-2026-_", "*", "%25",
        ];
        var wrong = new List<string>();
        foreach (var tampered in Tamper(code).Where(t => t != code))
        {
            var response = await anonymous.GetAsync("/verify/" + Escape(tampered));
            if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"/verify/{tampered}: {(int)response.StatusCode}");
        }
        foreach (var tampered in Tamper(number).Where(t => t != number))
        {
            var response = await author.GetAsync("/my-learning/certificates/" + Escape(tampered) + ".pdf");
            if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"/my-learning/certificates/{tampered}.pdf: {(int)response.StatusCode}");
            var found = await admin.GetAsync("/admin/certificates?number=" + Escape(tampered));
            var page = await found.Content.ReadAsStringAsync();
            if ((int)found.StatusCode >= 500 || page.Contains($"/admin/certificates/{world.Values["certificate"]}", StringComparison.Ordinal))
                wrong.Add($"/admin/certificates?number={tampered}: {(int)found.StatusCode}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Escaped as a browser would send it, but keeping any escapes the value already has.</summary>
    private static string Escape(string value) => value.Contains('%', StringComparison.Ordinal) ? value.Replace(" ", "%20", StringComparison.Ordinal) : Uri.EscapeDataString(value);

    // Path traversal

    [Theory]
    [InlineData("/modules/..%2f..%2fappsettings.json")]
    [InlineData("/modules/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/modules/%2e%2e%2f%2e%2e%2fappsettings.json")]
    [InlineData("/modules/%252e%252e%252fappsettings.json")]
    [InlineData("/modules/..%5c..%5cappsettings.json")]
    [InlineData("/modules/" + AccessWorld.ModuleId + "/..%2fmodule.md")]
    [InlineData("/modules/" + AccessWorld.ModuleId + "/..%2f..%2f..%2fappsettings.json")]
    [InlineData("/modules/" + AccessWorld.ModuleId + "/01-what-exploitation-is.md")]
    [InlineData("/modules/" + AccessWorld.ModuleId + "/module.md")]
    [InlineData("/modules/" + AccessWorld.ModuleId + "/..%2f..%2fbuilding-trust")]
    [InlineData("/modules/" + AccessWorld.ModuleId + "/check/attempts/..%2f1")]
    [InlineData("/my-learning/certificates/..%2f..%2fappsettings.json.pdf")]
    [InlineData("/my-learning/certificates/..%2f..%2f.pdf")]
    [InlineData("/verify/..%2f..%2fappsettings.json")]
    [InlineData("/verify/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/glossary/..%2f..%2fappsettings.json")]
    [InlineData("/css/..%2f..%2fappsettings.json")]
    [InlineData("/..%2fappsettings.json")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/appsettings.json")]
    [InlineData("/web.config")]
    public async Task Paths_that_climb_out_of_their_folder_are_not_found_and_show_no_file(string path)
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);

        var response = await author.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        foreach (var secret in new[] { "ConnectionString", "\"Logging\"", "root:x:0", "learning_outcomes:", "type: page", "CertificatePassword" })
            Assert.DoesNotContain(secret, body);
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(WebUtility.UrlDecode(pair[0]), WebUtility.UrlDecode(pair.ElementAtOrDefault(1) ?? "")));

    private Task<int> LogVersionAsync(Guid id) => Factory.WithDbAsync(db => db.ReflectiveLogs.Where(l => l.Id == id).Select(l => l.Version).SingleAsync());

    /// <summary>Any payload's markup, live: an opening script tag, or an img tag with its handler, in any case.</summary>
    [GeneratedRegex(@"<script>alert|<img[^>]*onerror", RegexOptions.IgnoreCase)]
    private static partial Regex RawMarkup();
}

public sealed class HostileInputTestsOnSqlite(SqliteAppFactory factory) : HostileInputTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class HostileInputTestsOnPostgres(PostgresAppFactory factory) : HostileInputTests(factory), IClassFixture<PostgresAppFactory>;
