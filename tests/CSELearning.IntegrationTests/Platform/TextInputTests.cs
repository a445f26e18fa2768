using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>
/// Text that is not text: control characters, characters that reorder a line, nothing visible, bytes that are not
/// UTF-8 and null characters, sent into the free-text fields. Each is refused with a message naming the character
/// and where it is, the person's text is kept in the form, and nothing is saved.
/// </summary>
public abstract class TextInputTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Hostile = "Ahmed \u202Eexe.live\u202C Khan";

    private const string AntiforgeryText = "The page may have been open for too long";

    private static readonly string[] RecordFields = ["Attendees", "Agenda", "Discussion", "Wellbeing", "Decisions", "Actions[0].Description"];

    /// <summary>Every free-text field a person can post: who posts it, the page with the form, where it posts, the other fields it needs.</summary>
    private static async Task<List<(string Field, HttpClient Client, string Form, string Post, KeyValuePair<string, string>[] Others)>> FreeTextFieldsAsync(AppFactory factory, AccessWorld world)
    {
        var admin = await factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var author = await factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var supervisor = await factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);
        var v = world.Values;
        var draft = (await author.PostFormAsync("/reflections", "/reflections/new", [])).Headers.Location!.OriginalString;
        var log = $"/reflections/{world.LogId}";
        var logVersion = (await factory.WithDbAsync(db => db.ReflectiveLogs.Where(l => l.Id == world.LogId).Select(l => l.Version).SingleAsync())).ToString(CultureInfo.InvariantCulture);
        var start = $"/supervision/records/new?supervisee={v["author"]}";
        var record = $"/supervision/records/{world.RecordId}";
        KeyValuePair<string, string> F(string name, string value) => new(name, value);
        KeyValuePair<string, string>[] person = [F("Email", "new.person@riverside.example"), F("JobRole", "SocialWorker"), F("AgencyId", v["agency"]), F("Roles", "Learner")];

        List<(string, HttpClient, string, string, KeyValuePair<string, string>[])> fields =
        [
            ("Name", admin, "/admin/partnerships/new", "/admin/partnerships/new", []),
            ("Name", admin, $"/admin/partnerships/{v["partnership"]}/edit", $"/admin/partnerships/{v["partnership"]}/edit", []),
            ("Name", admin, $"/admin/partnerships/{v["partnership"]}/agencies/new", $"/admin/partnerships/{v["partnership"]}/agencies/new", [F("Sector", "Police")]),
            ("Name", admin, $"/admin/agencies/{v["agency"]}/edit", $"/admin/agencies/{v["agency"]}/edit", [F("Sector", "Police"), F("IsActive", "true")]),
            ("Name", admin, $"/admin/agencies/{v["agency"]}/teams/new", $"/admin/agencies/{v["agency"]}/teams/new", []),
            ("Name", admin, $"/admin/teams/{v["team"]}/edit", $"/admin/teams/{v["team"]}/edit", [F("IsActive", "true")]),
            ("Name", admin, "/admin/users/new", "/admin/users/new", person),
            ("Email", admin, "/admin/users/new", "/admin/users/new", [F("Name", "New Person"), .. person.Where(f => f.Key != "Email")]),
            ("Name", admin, $"/admin/users/{v["author"]}/edit", $"/admin/users/{v["author"]}/edit", [F("Email", world.Person(Principal.Author).Email!), .. person.Where(f => f.Key != "Email")]),
            ("Reason", admin, $"/admin/certificates/{v["certificate"]}", $"/admin/certificates/{v["certificate"]}/revoke", [F("Confirm", "true")]),
            ("Text", supervisor, log, $"{log}/comments", [F("Version", logVersion), F("Stage", "feelings")]),
            ("Text", supervisor, log, $"{log}/request-revision", [F("Version", logVersion)]),
            ("Title", author, draft, draft, [F("Version", "1")]),
            .. GibbsStages.All.Select(s => (s.ToString(), author, draft, draft, new[] { F("Version", "1"), F("Title", "A title") })),
            .. RecordFields.Select(f => (f, supervisor, start, start, new[] { F("Version", "0"), F("SessionDate", v["today"]), F("Actions[0].Owner", "Supervisee"), F("Actions[0].DueOn", "") }
                    .Where(o => f.StartsWith("Actions", StringComparison.Ordinal) || !o.Key.StartsWith("Actions", StringComparison.Ordinal)).ToArray())),
            ("Text", author, record, $"{record}/comments", []),
        ];
        return fields;
    }

    [Fact]
    public async Task Every_free_text_field_refuses_a_text_direction_override_naming_it_and_where_it_is_keeps_the_text_and_saves_nothing()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var fields = await FreeTextFieldsAsync(Factory, world);
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);
        var wrong = new List<string>();

        foreach (var (field, client, form, post, others) in fields)
        {
            await Refused(client, form, post, [.. others, new(field, Hostile)], field);
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));

        // A reason for reopening needs a signed-off log.
        var supervisor = await Factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);
        var log = $"/reflections/{world.LogId}";
        var version = await Factory.WithDbAsync(db => db.ReflectiveLogs.Where(l => l.Id == world.LogId).Select(l => l.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(log, $"{log}/sign-off", [new("Version", version.ToString(CultureInfo.InvariantCulture)), new("Confirm", "true")])).StatusCode);
        before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);
        await Refused(supervisor, log, $"{log}/reopen", [new("Version", (version + 1).ToString(CultureInfo.InvariantCulture)), new("Text", Hostile)], "Text");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));

        // The message in the summary and beside the field, and the person's text back in the form.
        async Task Refused(HttpClient client, string form, string post, KeyValuePair<string, string>[] fields, string field)
        {
            var response = await client.PostFormAsync(form, post, fields);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            const string message = "must not contain the text-direction character U+202E (right-to-left override), at character 7, which changes the order the text is shown in.";
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.OK)
                || !page.Contains("There is a problem", StringComparison.Ordinal)
                || !page.Contains("class=\"govuk-error-message\"", StringComparison.Ordinal)
                || page.Split(message).Length < 3
                || !page.Contains(Hostile, StringComparison.Ordinal))
                wrong.Add($"{field} posted to {post}: {(int)response.StatusCode}\n{Around(page, "must not")}\n{Around(page, "Ahmed")}");
        }
    }

    private static string Around(string page, string text) =>
        page.IndexOf(text, StringComparison.Ordinal) is var at and >= 0 ? page.Substring(Math.Max(0, at - 150), Math.Min(300, page.Length - Math.Max(0, at - 150))) : $"(no \"{text}\")";

    [Fact]
    public async Task Control_characters_and_invisible_names_are_refused_beside_the_field_with_the_text_kept()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var edit = $"/admin/users/{world.Values["author"]}/edit";
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);

        (string Name, string Message)[] cases =
        [
            ("Ctl\u0007\u001b[31mName", "Full name must not contain the control character U+0007 (bell), at character 4."),
            ("\u200B\u200B\u200B", "Full name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+200B (zero width space)."),
        ];
        foreach (var (name, message) in cases)
        {
            var response = await admin.PostFormAsync(edit, [new("Email", world.Person(Principal.Author).Email!), new("Name", name), new("JobRole", "SocialWorker"),
                new("AgencyId", world.Values["agency"]), new("Roles", "Learner")]);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("There is a problem", page);
            Assert.Contains($"<span class=\"govuk-visually-hidden\">Error:</span> {message}", page);
            Assert.Contains($"value=\"{name}\"", page);
        }
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));
    }

    [Fact]
    public async Task A_name_typed_with_combining_accents_is_stored_composed()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);

        var response = await admin.PostFormAsync($"/admin/users/{world.Values["author"]}/edit", [new("Email", world.Person(Principal.Author).Email!),
            new("Name", "Nguye\u0302\u0303n Lee"), new("JobRole", "SocialWorker"), new("AgencyId", world.Values["agency"]), new("Roles", "Learner")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nguy\u1EC5n Lee", await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == world.Person(Principal.Author).Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_null_character_is_refused_as_unreadable_text_naming_it_never_as_an_expired_page()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var edit = $"/admin/partnerships/{world.Values["partnership"]}/edit";
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);

        var response = await admin.PostFormAsync(edit, [new("Name", "Null\0Partnership")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The field \u201cName\u201d contains the control character U+0000 (null) at character 5, so nothing was saved.", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain(AntiforgeryText, page);
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_refused_with_a_message_never_stored_as_replacement_characters()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var edit = $"/admin/partnerships/{world.Values["partnership"]}/edit";
        var token = Browser.FormToken(await admin.GetPageAsync(edit), edit, edit);
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);

        // Latin-1 "é" (0xE9), as a form sent in the wrong encoding carries it; and a multipart form with the same byte.
        var urlEncoded = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Name=Caf%E9", Encoding.ASCII, "application/x-www-form-urlencoded");
        var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent([0x43, 0x61, 0x66, 0xE9]), "Name" } };
        foreach (var content in new HttpContent[] { urlEncoded, multipart })
        {
            var response = await admin.PostAsync(edit, content);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("The field \u201cName\u201d could not be read as text: it is not in the UTF-8 encoding, so nothing was saved.", page);
            Assert.DoesNotContain(AntiforgeryText, page);
        }
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));
    }

    [Fact]
    public async Task Autosave_refuses_such_text_with_a_message_its_script_shows()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var draft = (await author.PostFormAsync("/reflections", "/reflections/new", [])).Headers.Location!.OriginalString;
        var token = Browser.FormToken(await author.GetPageAsync(draft), draft, draft);
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);

        // As the page's script sends it: the form's fields as multipart, asking for JSON.
        async Task<string> Autosave(string feelings)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, draft + "/autosave")
            {
                Content = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("1"), "Version" }, { new StringContent("Title"), "Title" },
                    { new StringContent(feelings), "Feelings" },
                },
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var response = await author.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("message").GetString()!;
        }

        Assert.Equal("Feelings must not contain the text-direction character U+202E (right-to-left override), at character 9, which changes the order the text is shown in.",
            await Autosave("Anxious \u202Eand then"));
        Assert.Equal("The field \u201cFeelings\u201d contains the control character U+0000 (null) at character 8, so nothing was saved. Go back, remove it, and send it again.",
            await Autosave("Anxious\0"));
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));
    }

    [Fact]
    public async Task The_import_refuses_such_cells_on_their_line_and_imports_nobody()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var admin = await Factory.SignedInAsync(world.Person(Principal.Administrator).Email!);
        var csv = Encoding.UTF8.GetBytes("email,name,job_role,agency,team,roles,supervisor_email\r\n"
            + $"fine@riverside.example,Fine Person,Other,{world.P1.Agency.Name},,Learner,\r\n"
            + $"bell@riverside.example,Ctl\u0007Name,Other,{world.P1.Agency.Name},,Learner,\r\n"
            + $"bidi@riverside.example,Ahmed Khan,Other,{world.P1.Agency.Name}\u202E,,Learner,\r\n"
            + $"blank@riverside.example,\u200B\u200B\u200B,Other,{world.P1.Agency.Name},,Learner,\r\n");
        var before = await AccessWorld.SnapshotAsync(Factory, ignoreReads: true);

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Browser.AntiforgeryToken(await admin.GetPageAsync("/admin/users/import"))), "__RequestVerificationToken" },
            { new StringContent(world.Values["partnership"]), "PartnershipId" },
            { new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } }, "File", "people.csv" },
        };
        var response = await admin.PostAsync("/admin/users/import", upload);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name: The cell must not contain the control character U+0007 (bell), at character 4.", page);
        Assert.Contains($"agency: The cell must not contain the text-direction character U+202E (right-to-left override), at character {world.P1.Agency.Name.Length + 1}", page);
        Assert.Contains("name: The cell must contain a letter, number or symbol you can see: it has only invisible characters, such as U+200B (zero width space).", page);
        foreach (var line in new[] { 3, 4, 5 }) Assert.Contains($"numeric\">{line}</th>", page);
        Assert.DoesNotContain("numeric\">2</th>", page);
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory, ignoreReads: true));
    }
}

public sealed class TextInputTestsOnSqlite(SqliteAppFactory factory) : TextInputTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class TextInputTestsOnPostgres(PostgresAppFactory factory) : TextInputTests(factory), IClassFixture<PostgresAppFactory>;
