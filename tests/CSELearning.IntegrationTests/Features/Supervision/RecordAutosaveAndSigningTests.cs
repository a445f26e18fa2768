using System.Globalization;
using System.Net;
using System.Text.Json;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Supervision;

/// <summary>
/// A supervision record is saved as the supervisor writes, as the reflective log is; and "Sign this record" never
/// drops what is in the form: it saves it (or refuses, keeping it) and then asks for confirmation, which alone signs.
/// The supervisee's "Acknowledge this record" likewise asks for confirmation, and never drops a comment typed beside it.
/// </summary>
public abstract class RecordAutosaveAndSigningTests(AppFactory factory) : IntegrationTest(factory)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Autosave_saves_the_record_answers_with_its_version_and_a_stale_one_is_refused_with_409()
    {
        var (people, supervisor, id) = await RecordAsync();
        var token = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id));

        var saved = await supervisor.PostWithTokenAsync(Url(id) + "/autosave", token, Fields(1, discussion: "Autosaved discussion of the visit"));
        var stale = await supervisor.PostWithTokenAsync(Url(id) + "/autosave", token, Fields(1, discussion: "From another tab"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("message", await stale.Content.ReadAsStringAsync());
        var reopened = await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Url(id));
        Assert.Contains("Autosaved discussion of the visit</textarea>", reopened);
        Assert.Contains("data-autosave=\"" + Url(id) + "/autosave\"", reopened);
        Assert.Equal(2, (await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync())).Version);
    }

    [Fact]
    public async Task Autosave_names_each_new_action_so_the_next_autosave_changes_it_rather_than_adding_it_again()
    {
        var (_, supervisor, id) = await RecordAsync();
        var token = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id));

        var first = await supervisor.PostWithTokenAsync(Url(id) + "/autosave", token, Fields(1, action: (null, "Book the debrief")));
        var actions = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("actions");
        var actionId = Guid.Parse(actions[0].GetString()!);
        var second = await supervisor.PostWithTokenAsync(Url(id) + "/autosave", token, Fields(2, action: (actionId, "Book the debrief this week")));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.SupervisionActions.CountAsync()));
        Assert.Equal(actionId, await Factory.WithDbAsync(db => db.SupervisionActions.Select(a => a.Id).SingleAsync()));
    }

    [Fact]
    public async Task Sign_this_record_with_unsaved_edits_saves_them_then_asks_to_confirm_and_only_the_confirmation_signs()
    {
        var (people, supervisor, id) = await RecordAsync();
        var page = await supervisor.GetPageAsync(Url(id));
        // The button is part of the record's own form, so pressing it sends what is typed.
        Assert.Matches($"<form[^>]*id=\"record-form\"[^>]*>(?:(?!</form>).)*formaction=\"{Url(id)}/sign\"", page.ReplaceLineEndings(" "));

        var pressed = await supervisor.PostWithTokenAsync(Url(id) + "/sign", Browser.FormToken(page, Url(id), Url(id)),
            Fields(1, discussion: "Edited just before signing", wellbeing: "Coping, with support."));

        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal(Url(id) + "/sign", pressed.Headers.Location!.OriginalString);
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.Draft, 2), (record.Status, record.Version));
        Assert.Null(record.SupervisorSignedAt);
        Assert.Contains("Edited just before signing", await supervisor.GetPageAsync(Url(id)));

        var confirmation = await supervisor.GetPageAsync(Url(id) + "/sign");
        Assert.Contains("Yes, sign this record", confirmation);
        Assert.Contains("You will not be able to change the record after signing it", confirmation);
        Assert.Contains("name=\"Version\" value=\"2\"", confirmation);
        var signed = await supervisor.PostFormAsync(Url(id) + "/sign", Url(id) + "/sign/confirm", [new("Version", "2")]);

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal(RecordStatus.AwaitingAcknowledgement, record.Status);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SupervisionRecordSigned)));
        await (await Factory.SignedInAsync(people.Supervisee.Email!)).GetPageAsync(Url(id) + "/sign", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Sign_this_record_with_edits_that_cannot_be_saved_is_refused_with_the_text_kept_and_nothing_signed()
    {
        var (_, supervisor, id) = await RecordAsync();
        var page = await supervisor.GetPageAsync(Url(id));

        var refused = await supervisor.PostWithTokenAsync(Url(id) + "/sign", Browser.FormToken(page, Url(id), Url(id)),
            Fields(1, date: "not a date", discussion: "Words that must not be lost"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was signed", body);
        Assert.Contains("Words that must not be lost</textarea>", body);
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.Draft, 1), (record.Status, record.Version));
    }

    [Fact]
    public async Task Acknowledge_this_record_asks_to_confirm_and_only_the_confirmation_acknowledges()
    {
        var (people, supervisor, id) = await SignedRecordAsync();
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);
        var page = await supervisee.GetPageAsync(Url(id));
        // The button is part of the comment form, so pressing it sends any comment typed.
        Assert.Matches($"<form[^>]*action=\"{Url(id)}/comments\"[^>]*>(?:(?!</form>).)*formaction=\"{Url(id)}/acknowledge\"", page.ReplaceLineEndings(" "));

        var pressed = await supervisee.PostWithTokenAsync(Url(id) + "/acknowledge", Browser.FormToken(page, Url(id), Url(id) + "/acknowledge"), [new("Text", "  ")]);
        // A page from before acknowledging was confirmed posts the version alone to /sign: it is asked to confirm too.
        var oneStep = await supervisee.PostWithTokenAsync(Url(id) + "/sign", Browser.AntiforgeryToken(page), [new("Version", "2")]);

        Assert.Equal((HttpStatusCode.Redirect, Url(id) + "/acknowledge"), (pressed.StatusCode, pressed.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, Url(id) + "/acknowledge"), (oneStep.StatusCode, oneStep.Headers.Location!.OriginalString));
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.AwaitingAcknowledgement, 2), (record.Status, record.Version));
        Assert.Null(record.SuperviseeSignedAt);
        Assert.Equal(0, await AcknowledgementsAsync());

        var confirmation = WebUtility.HtmlDecode(await supervisee.GetPageAsync(Url(id) + "/acknowledge"));
        Assert.Contains("Yes, acknowledge this record", confirmation);
        Assert.Contains("You will not be able to add a comment to the record after acknowledging it", confirmation);
        Assert.Contains("the notes: discussion, wellbeing and support", confirmation);
        Assert.Contains("name=\"Version\" value=\"2\"", confirmation);
        await supervisor.GetPageAsync(Url(id) + "/acknowledge", HttpStatusCode.Forbidden);
        var acknowledged = await supervisee.PostFormAsync(Url(id) + "/acknowledge", Url(id) + "/acknowledge/confirm", [new("Version", "2")]);

        Assert.Equal((HttpStatusCode.Redirect, Url(id)), (acknowledged.StatusCode, acknowledged.Headers.Location!.OriginalString));
        record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.Locked, 3), (record.Status, record.Version));
        Assert.Equal(1, await AcknowledgementsAsync());
        Assert.Contains("The record is locked", await supervisee.GetPageAsync(Url(id)));
    }

    [Fact]
    public async Task Acknowledge_this_record_with_a_comment_not_yet_added_is_refused_with_the_comment_kept_and_nothing_acknowledged()
    {
        var (people, _, id) = await SignedRecordAsync();
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);
        var page = await supervisee.GetPageAsync(Url(id));

        var refused = await supervisee.PostWithTokenAsync(Url(id) + "/acknowledge", Browser.FormToken(page, Url(id), Url(id) + "/acknowledge"),
            [new("Text", "Words that must not be lost")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Your comment has not been added. Add it, or clear it, before you acknowledge the record: nothing was acknowledged.", body);
        Assert.Contains("Words that must not be lost</textarea>", body);
        // Still the comment form, with both of its buttons, so the kept text can be added or the record acknowledged.
        Assert.Matches($"<form[^>]*action=\"{Url(id)}/comments\"[^>]*>(?:(?!</form>).)*Words that must not be lost(?:(?!</form>).)*formaction=\"{Url(id)}/acknowledge\"", body.ReplaceLineEndings(" "));
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.AwaitingAcknowledgement, 2), (record.Status, record.Version));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.SupervisionComments.CountAsync()));
        Assert.Equal(0, await AcknowledgementsAsync());
    }

    [Fact]
    public async Task Only_the_supervisee_reaches_the_acknowledgement_the_supervisor_is_forbidden_and_anyone_else_told_it_does_not_exist()
    {
        var (people, supervisor, id) = await SignedRecordAsync();
        var supervisorToken = Browser.AntiforgeryToken(await supervisor.GetPageAsync(Url(id)));

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostWithTokenAsync(Url(id) + "/acknowledge", supervisorToken, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostWithTokenAsync(Url(id) + "/acknowledge/confirm", supervisorToken, [new("Version", "2")])).StatusCode);
        foreach (var outsider in new[] { people.OtherLearner, people.OtherSupervisor, people.Former, people.Administrator })
        {
            var client = await Factory.SignedInAsync(outsider.Email!);
            var token = Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password"));
            await client.GetPageAsync(Url(id) + "/acknowledge", HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostWithTokenAsync(Url(id) + "/acknowledge", token, [])).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostWithTokenAsync(Url(id) + "/acknowledge/confirm", token, [new("Version", "2")])).StatusCode);
        }

        Assert.Null((await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync())).SuperviseeSignedAt);
        Assert.Equal(0, await AcknowledgementsAsync());
    }

    [Fact]
    public async Task A_confirmation_from_a_stale_page_is_refused_with_a_message_and_acknowledges_nothing_more()
    {
        var (people, _, id) = await SignedRecordAsync();
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);
        // Two tabs on the confirmation page: the first confirms, then the second.
        var confirmation = await supervisee.GetPageAsync(Url(id) + "/acknowledge");
        var token = Browser.FormToken(confirmation, Url(id) + "/acknowledge", Url(id) + "/acknowledge/confirm");
        Assert.Equal(HttpStatusCode.Redirect, (await supervisee.PostWithTokenAsync(Url(id) + "/acknowledge/confirm", token, [new("Version", "2")])).StatusCode);
        var acknowledgedAt = (await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync())).SuperviseeSignedAt;

        var stale = await supervisee.PostWithTokenAsync(Url(id) + "/acknowledge/confirm", token, [new("Version", "2")]);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("This record has been signed by you both since you opened it, so it is locked and it was not acknowledged.",
            WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.Locked, 3, acknowledgedAt), (record.Status, record.Version, record.SuperviseeSignedAt));
        Assert.Equal(1, await AcknowledgementsAsync());
    }

    // Helpers

    private Task<int> AcknowledgementsAsync() =>
        Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SupervisionRecordAcknowledged));

    /// <summary>A record (version 2) the supervisor has signed, waiting for the supervisee's acknowledgement.</summary>
    private async Task<(SupervisionPeople People, HttpClient Supervisor, Guid Id)> SignedRecordAsync()
    {
        var (people, supervisor, id) = await RecordAsync();
        var signed = await supervisor.PostFormAsync(Url(id) + "/sign", Url(id) + "/sign/confirm", [new("Version", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        return (people, supervisor, id);
    }

    private static string Url(Guid id) => $"/supervision/records/{id}";

    private static List<KeyValuePair<string, string>> Fields(int version, string? date = null, string discussion = "Notes", string wellbeing = "Coping well.",
        (Guid? Id, string Description)? action = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Version", version.ToString(CultureInfo.InvariantCulture)),
            new("SessionDate", date ?? Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Attendees", ""), new("Agenda", ""), new("Discussion", discussion), new("Wellbeing", wellbeing), new("Decisions", ""), new("NextSessionDate", ""),
        };
        if (action is { } row)
        {
            if (row.Id is { } actionId) fields.Add(new("Actions[0].Id", actionId.ToString()));
            fields.Add(new("Actions[0].Description", row.Description));
            fields.Add(new("Actions[0].Owner", "Supervisee"));
            fields.Add(new("Actions[0].DueOn", ""));
        }
        return fields;
    }

    /// <summary>A draft record (version 1) made through the supervisor's form.</summary>
    private async Task<(SupervisionPeople People, HttpClient Supervisor, Guid Id)> RecordAsync()
    {
        var people = await SupervisionPeople.CreateAsync(Factory);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var start = $"/supervision/records/new?supervisee={people.Supervisee.Id}";
        var response = await supervisor.PostFormAsync(start, start, Fields(0));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create: {(int)response.StatusCode}\n{Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
        return (people, supervisor, Guid.Parse(response.Headers.Location!.OriginalString["/supervision/records/".Length..]));
    }
}

public sealed class RecordAutosaveAndSigningTestsOnSqlite(SqliteAppFactory factory) : RecordAutosaveAndSigningTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class RecordAutosaveAndSigningTestsOnPostgres(PostgresAppFactory factory) : RecordAutosaveAndSigningTests(factory), IClassFixture<PostgresAppFactory>;
