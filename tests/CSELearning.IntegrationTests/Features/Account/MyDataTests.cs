using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Tests.Shared;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Account;

/// <summary>
/// A person's download of everything held about them: data.json and their PDFs, only ever their own. A
/// supervisor's download names whom they supervise but holds none of their supervisees' reflective text, and
/// no one else's data reaches anyone.
/// </summary>
public abstract class MyDataTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Page = "/account/my-data";
    private const string Zip = "/account/my-data.zip";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Download(JsonElement Data, string Json, IReadOnlyDictionary<string, byte[]> Files)
    {
        public string AllText => Json + string.Concat(Files.Where(f => f.Key.EndsWith(".pdf", StringComparison.Ordinal)).Select(f => new PdfFile(f.Value).Text));
    }

    private static async Task<Download> DownloadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Zip, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        // Streamed: written as it is made, so its length is not known in advance.
        Assert.Null(response.Content.Headers.ContentLength);
        var files = new Dictionary<string, byte[]>();
        var bytes = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(bytes);
        bytes.Position = 0;
        using var zip = new ZipArchive(bytes);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            files[entry.FullName] = copy.ToArray();
        }
        var json = Encoding.UTF8.GetString(files["data.json"]);
        return new Download(JsonDocument.Parse(json).RootElement, json, files);
    }

    private Task<Guid> SupervisionRecordAsync(User supervisor, User supervisee, string discussion, string comment) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var now = DateTime.UtcNow.AddHours(-3);
        var record = SupervisionRecord.Start(supervisor.Id, supervisee.Id, [],
            new SessionDetails(Today.AddDays(-2), null, new SessionNotes("Both of us", "Caseload", discussion, "Doing well, debrief booked", "Carry on"),
                [], [new(null, null, "Read the guidance", ActionOwner.Supervisee, null, ActionStatus.Open)]), protector, now);
        db.SupervisionRecords.Add(record);
        db.SupervisionComments.Add(record.AddComment(supervisee.Id, comment, protector, now.AddMinutes(30)));
        record.SignAsSupervisor(supervisor.Id, 1, protector, now.AddHours(1));
        await db.SaveChangesAsync();
        return record.Id;
    });

    [Fact]
    public async Task A_learner_downloads_their_profile_learning_certificates_logs_and_supervision_with_the_pdfs()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var learner = await Factory.CreateUserAsync("ash.learner@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, learner, Today.AddMonths(-2));
        var certificate = (await Factory.IssueCertificatesAsync(learner, DateTime.UtcNow.AddDays(-3)))[0];
        await Factory.LogAsync(learner, TestLogs.Text("My strategy meeting", "Mine"), TestLogs.ModuleId, "1.0.0", supervisor,
            comment: "Good analysis of the risk.", signOff: true);
        await SupervisionRecordAsync(supervisor, learner, "We went over the visit.", "I agree with the record.");
        var client = await Factory.SignedInAsync(learner.Email!);

        Assert.Contains($"href=\"{Page}\"", await client.GetPageAsync("/account"));
        Assert.Contains($"href=\"{Page}\"", await client.GetPageAsync("/my-learning"));
        Assert.Contains($"href=\"{Zip}\"", await client.GetPageAsync(Page));

        var download = await DownloadAsync(client);
        var data = download.Data;
        var profile = data.GetProperty("profile");
        Assert.Equal("Ash Learner", profile.GetProperty("name").GetString());
        Assert.Equal("ash.learner@riverside.example", profile.GetProperty("email").GetString());
        Assert.Equal("Social worker", profile.GetProperty("jobRole").GetString());
        Assert.Equal(org.Agency.Name, profile.GetProperty("agency").GetString());
        Assert.Equal(org.Team.Name, profile.GetProperty("team").GetString());
        Assert.Equal(org.Partnership.Name, profile.GetProperty("partnership").GetString());
        Assert.Equal(["Learner"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Sol Supervisor", data.GetProperty("supervision").GetProperty("supervisedBy")[0].GetProperty("supervisor").GetString());

        Assert.Equal(1, data.GetProperty("learning").GetProperty("completions").GetArrayLength());
        // The hours the completion earned, as its certificate states them.
        Assert.Equal(certificate.CpdHours, data.GetProperty("learning").GetProperty("completions")[0].GetProperty("cpdHours").GetDecimal());
        Assert.Equal(1, data.GetProperty("learning").GetProperty("moduleProgress").GetArrayLength());
        var cert = data.GetProperty("certificates")[0];
        Assert.Equal(certificate.Number, cert.GetProperty("number").GetString());
        Assert.Equal("Valid", cert.GetProperty("status").GetString());

        var log = data.GetProperty("reflectiveLogs")[0];
        Assert.Equal("My strategy meeting", log.GetProperty("title").GetString());
        Assert.Equal("Mine analysis text", log.GetProperty("stages").GetProperty("analysis").GetString());
        Assert.Equal("Good analysis of the risk.", log.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal("Sol Supervisor", log.GetProperty("signedOff").GetProperty("byName").GetString());
        Assert.Equal("Sol Supervisor", log.GetProperty("sharedWith")[0].GetProperty("supervisor").GetString());

        var record = data.GetProperty("supervisionRecords").GetProperty("asSupervisee")[0];
        Assert.Equal("We went over the visit.", record.GetProperty("discussion").GetString());
        Assert.Equal("Read the guidance", record.GetProperty("actions")[0].GetProperty("description").GetString());
        Assert.Equal("I agree with the record.", record.GetProperty("comments")[0].GetProperty("text").GetString());

        Assert.Contains("certificates/certificate-" + certificate.Number + ".pdf", download.Files.Keys);
        Assert.Contains(certificate.Number, new PdfFile(download.Files["certificates/certificate-" + certificate.Number + ".pdf"]).Text);
        Assert.Contains("Mine description text", new PdfFile(download.Files["reflective-logs.pdf"]).Text);
        Assert.Contains("Ash Learner", new PdfFile(download.Files["learning-record.pdf"]).Text);
        var recordPdf = Assert.Single(download.Files.Keys, k => k.StartsWith("supervision-records/", StringComparison.Ordinal));
        Assert.Contains("We went over the visit.", new PdfFile(download.Files[recordPdf]).Text);
    }

    [Fact]
    public async Task Nothing_about_anyone_else_leaks_into_a_supervisors_or_a_learners_download()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor, Roles.Learner);
        var supervisee = await Factory.CreateUserAsync("ash.supervisee@riverside.example", org, Roles.Learner);
        var other = await Factory.CreateUserAsync("lee.other@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, supervisee, Today.AddMonths(-2));
        await Factory.IssueCertificatesAsync(supervisee, DateTime.UtcNow.AddDays(-3));
        await Factory.IssueCertificatesAsync(other, DateTime.UtcNow.AddDays(-3));
        await Factory.LogAsync(supervisee, TestLogs.Text("Supervisee-title", "Supervisee-secret"), supervisor: supervisor, comment: "Supervisor-comment-on-it");
        await Factory.LogAsync(other, TestLogs.Text("Other-title", "Other-secret"));
        await Factory.LogAsync(supervisor, TestLogs.Text("Supervisor-own-title", "Supervisor-own"));
        await SupervisionRecordAsync(supervisor, supervisee, "Notes-about-the-supervisee", "Supervisee-comment");

        // The supervisor opens the supervisee's log, so the audit trail has an entry by them about the supervisee.
        var supervisorClient = await Factory.SignedInAsync(supervisor.Email!);
        var logId = await Factory.WithDbAsync(db => Task.FromResult(db.ReflectiveLogs.Single(l => l.AuthorId == supervisee.Id).Id));
        await supervisorClient.GetPageAsync($"/reflections/{logId}");

        var mine = await DownloadAsync(supervisorClient);
        var text = mine.AllText;
        Assert.Contains("Supervisor-own description text", text);
        Assert.Contains("Ash Supervisee", mine.Data.GetProperty("supervision").GetProperty("supervises")[0].GetProperty("supervisee").GetString());
        var made = mine.Data.GetProperty("supervisionRecords").GetProperty("asSupervisor")[0];
        Assert.Equal("Ash Supervisee", made.GetProperty("supervisee").GetString());
        Assert.Equal(1, mine.Data.GetProperty("reviewCommentsOnSuperviseesLogs").GetArrayLength());
        foreach (var foreign in new[] { "Supervisee-secret", "Supervisee-title", "Supervisor-comment-on-it", "Notes-about-the-supervisee",
                     "Supervisee-comment", "Other-secret", "Other-title", "Lee Other", "ash.supervisee@", "lee.other@" })
            Assert.DoesNotContain(foreign, text);
        Assert.DoesNotContain(mine.Files.Keys, k => k.StartsWith("certificates/", StringComparison.Ordinal) || k.StartsWith("supervision-records/", StringComparison.Ordinal));

        var theirs = await DownloadAsync(await Factory.SignedInAsync(supervisee.Email!));
        Assert.Contains("Supervisee-secret description text", theirs.AllText);
        Assert.Contains("Notes-about-the-supervisee", theirs.AllText);
        foreach (var foreign in new[] { "Supervisor-own", "Other-secret", "Other-title", "Lee Other", "sol.supervisor@", "lee.other@" })
            Assert.DoesNotContain(foreign, theirs.AllText);
        Assert.Single(theirs.Files.Keys, k => k.StartsWith("certificates/", StringComparison.Ordinal));
    }

    /// <summary>
    /// Two learners with the same supervisor, each with a reply, drafts, notifications, an email choice, emails
    /// and a scenario run marked with their own name: the owner's download is read, the other's must not show.
    /// </summary>
    private async Task<(Download Mine, User Owner, TestPersonalRecords.Seeded Seeded)> OwnersDownloadAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var owner = await Factory.CreateUserAsync("ash.owner@riverside.example", org, Roles.Learner);
        var other = await Factory.CreateUserAsync("lee.other@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, owner, Today.AddMonths(-2));
        await Factory.SuperviseAsync(supervisor, other, Today.AddMonths(-2));
        var seeded = await Factory.SeedPersonalRecordsAsync(owner, supervisor, "Owner", NotificationKind.ReviewWaiting);
        await Factory.SeedPersonalRecordsAsync(other, supervisor, "Other", NotificationKind.RefreshOverdue);
        return (await DownloadAsync(await Factory.SignedInAsync(owner.Email!)), owner, seeded);
    }

    [Theory]
    [InlineData("reply")]
    [InlineData("form draft")]
    [InlineData("kept draft")]
    [InlineData("notification")]
    [InlineData("email preference")]
    [InlineData("email")]
    [InlineData("scenario run")]
    public async Task Each_kind_of_record_is_in_its_owners_download_and_not_in_anyone_elses(string kind)
    {
        var (mine, owner, seeded) = await OwnersDownloadAsync();
        var data = mine.Data;
        var drafts = data.GetProperty("drafts");
        var notifications = data.GetProperty("notifications");
        switch (kind)
        {
            case "reply":
                // In the log's thread, after the supervisor's comment the export already gives the author.
                var log = Assert.Single(data.GetProperty("reflectiveLogs").EnumerateArray());
                var reply = Assert.Single(log.GetProperty("replies").EnumerateArray());
                Assert.Equal(("conclusion", "Owner-reply"), (reply.GetProperty("stage").GetString(), reply.GetProperty("text").GetString()));
                Assert.Equal("Owner-comment", log.GetProperty("comments")[0].GetProperty("text").GetString());
                var pdf = new PdfFile(mine.Files["reflective-logs.pdf"]).Text;
                Assert.Contains("Owner-reply", pdf);
                Assert.True(pdf.IndexOf("Owner-comment", StringComparison.Ordinal) < pdf.IndexOf("Owner-reply", StringComparison.Ordinal), "The reply follows the comment it answers.");
                break;
            case "form draft":
                var form = Assert.Single(drafts.GetProperty("forms").EnumerateArray());
                Assert.Equal((seeded.Log.ToString(), "replies"), (form.GetProperty("logId").GetString(), form.GetProperty("form").GetString()));
                Assert.Equal("Owner-reply-draft", form.GetProperty("fields").GetProperty("reply-conclusion").GetString());
                break;
            case "kept draft":
                var kept = Assert.Single(drafts.GetProperty("keptAfterSessionEnded").EnumerateArray());
                Assert.Equal($"/reflections/{seeded.Log}", kept.GetProperty("path").GetString());
                Assert.Equal("Owner-kept", Assert.Single(kept.GetProperty("fields").EnumerateArray()).GetProperty("value").GetString());
                break;
            case "notification":
                var notice = Assert.Single(notifications.GetProperty("received").EnumerateArray());
                Assert.Equal(("RevisionRequested", "Owner-notice"), (notice.GetProperty("kind").GetString(), notice.GetProperty("text").GetString()));
                break;
            case "email preference":
                var preferences = notifications.GetProperty("emailPreferences").EnumerateArray().ToList();
                Assert.Equal(Enum.GetValues<NotificationKind>().Length, preferences.Count);
                Assert.Equal(["ReviewWaiting"], preferences.Where(p => !p.GetProperty("emailed").GetBoolean()).Select(p => p.GetProperty("kind").GetString()));
                break;
            case "email":
                var emails = notifications.GetProperty("emails").EnumerateArray().ToList();
                Assert.Equal(["Owner-sent", "Owner-waiting"], emails.Select(e => e.GetProperty("subject").GetString()).Order(StringComparer.Ordinal));
                Assert.All(emails, e => Assert.Equal(owner.Email, e.GetProperty("to").GetString()));
                Assert.Single(emails, e => e.GetProperty("sentAt").ValueKind == JsonValueKind.String);
                // What an email said is never in the file: an account email's holds a reset link.
                Assert.DoesNotContain("Owner-body", mine.Json);
                break;
            case "scenario run":
                var runs = data.GetProperty("learning").GetProperty("moduleProgress").EnumerateArray().SelectMany(p => p.GetProperty("scenarioRuns").EnumerateArray());
                Assert.Equal(seeded.EndingNodeId, Assert.Single(runs).GetProperty("ending").GetString());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        foreach (var foreign in new[] { "Other-", "lee.other@" })
            Assert.DoesNotContain(foreign, mine.AllText);
    }

    [Fact]
    public async Task A_supervisors_unsent_comment_on_a_supervisees_log_is_in_their_download_without_its_text()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var supervisee = await Factory.CreateUserAsync("ash.supervisee@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, supervisee, Today.AddMonths(-2));
        var log = await Factory.LogAsync(supervisee, TestLogs.Text("Supervisee-title", "Supervisee-secret"), supervisor: supervisor);
        await Factory.ReviewDraftAsync(supervisor, log, "Drafted-about-the-supervisee");
        // And text kept from a review sent after the supervisor's session had ended.
        await Factory.WithDbAsync(async db =>
        {
            var protector = Factory.Services.GetRequiredService<ITextProtector>();
            db.KeptDrafts.Add(new KeptDraft(supervisor.Id, $"/reflections/{log}/review", $"/reflections/{log}",
                protector.Protect(System.Text.Json.JsonSerializer.Serialize(new[] { new CSELearning.Web.Features.KeptDrafts.KeepTypedText.Field("Comments.Analysis", "Kept-about-the-supervisee") })),
                DateTime.UtcNow, DateTime.UtcNow.AddDays(7)));
            await db.SaveChangesAsync();
        });

        var mine = await DownloadAsync(await Factory.SignedInAsync(supervisor.Email!));
        var kept = Assert.Single(mine.Data.GetProperty("drafts").GetProperty("keptAfterSessionEnded").EnumerateArray());
        Assert.Equal(["Comments.Analysis"], kept.GetProperty("fieldsWritten").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("Kept-about-the-supervisee", mine.AllText);
        var form = Assert.Single(mine.Data.GetProperty("drafts").GetProperty("forms").EnumerateArray());
        Assert.Equal((log.ToString(), "review"), (form.GetProperty("logId").GetString(), form.GetProperty("form").GetString()));
        Assert.Equal(["comment-analysis"], form.GetProperty("fieldsWritten").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("Drafted-about-the-supervisee", mine.AllText);

        // Nor is it in the supervisee's: it is not theirs, and was never sent to them.
        Assert.DoesNotContain("Drafted-about-the-supervisee", (await DownloadAsync(await Factory.SignedInAsync(supervisee.Email!))).AllText);
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.Administrator)]
    public async Task Everyone_signed_in_may_download_their_own_data_and_no_one_signed_out_can(string role)
    {
        var org = await Factory.CreateOrganisationAsync();
        var person = await Factory.CreateUserAsync($"{role.ToLowerInvariant()}.person@riverside.example", org, role);
        var client = await Factory.SignedInAsync(person.Email!);
        await client.GetPageAsync(Page);
        Assert.Equal(person.Email, (await DownloadAsync(client)).Data.GetProperty("profile").GetProperty("email").GetString());

        foreach (var url in new[] { Page, Zip })
        {
            var anonymous = await Factory.CreateBrowser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery);
        }
    }
}

public sealed class MyDataTestsOnSqlite(SqliteAppFactory factory) : MyDataTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class MyDataTestsOnPostgres(PostgresAppFactory factory) : MyDataTests(factory), IClassFixture<PostgresAppFactory>;
