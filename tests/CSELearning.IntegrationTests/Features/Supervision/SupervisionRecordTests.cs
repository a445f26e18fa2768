using System.Globalization;
using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Supervision;

/// <summary>
/// Supervision records: who may open, change, comment on and sign them; the draft, comments, both signatures
/// and the lock; stale saves and signatures; open actions carried into the next record; encryption at rest;
/// the audit trail; and length limits.
/// </summary>
public abstract class SupervisionRecordTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Phrase = "the heron above the weir";

    private Task<SupervisionPeople> PeopleAsync() => SupervisionPeople.CreateAsync(Factory);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    // Access

    [Fact]
    public async Task Only_the_two_parties_can_open_a_record_and_everyone_else_is_told_it_does_not_exist()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, discussion: Phrase);
        var formers = await FormerRecordAsync(people);

        Assert.Contains(Phrase, await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Url(id)));
        Assert.Contains(Phrase, await (await Factory.SignedInAsync(people.Supervisee.Email!)).GetPageAsync(Url(id)));
        Assert.Contains("An older session", await (await Factory.SignedInAsync(people.Supervisee.Email!)).GetPageAsync(Url(formers)));
        foreach (var outsider in Outsiders(people))
        {
            var client = await Factory.SignedInAsync(outsider.Email!);
            await client.GetPageAsync(Url(id), HttpStatusCode.NotFound);
            await client.GetPageAsync(Url(Guid.NewGuid()), HttpStatusCode.NotFound);
        }
        // The former supervisor made this one while they supervised; the supervision has ended, and so has their access.
        await (await Factory.SignedInAsync(people.Former.Email!)).GetPageAsync(Url(formers), HttpStatusCode.NotFound);
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Url(formers), HttpStatusCode.NotFound);
        // The supervisor's own reads are not audited; the supervisee's reads of what the supervisor wrote are, one per read.
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.ToListAsync());
        Assert.All(reads, r => Assert.Equal((AuditAction.SupervisionRecordRead, people.Supervisee.Id), (r.Action, r.ActorId)));
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task Posts_from_anyone_but_a_party_are_answered_not_found_and_change_nothing()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, wellbeing: "Coping well.");
        var before = await SnapshotAsync();

        foreach (var outsider in Outsiders(people))
        {
            var client = await Factory.SignedInAsync(outsider.Email!);
            var token = Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password"));
            foreach (var (path, fields) in Posts(id))
            {
                var response = await client.PostWithTokenAsync(path, token, fields);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outsider.Email} POST {path}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_supervisee_cannot_change_the_record_and_the_supervisor_cannot_comment()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, discussion: "As written", wellbeing: "Coping well.");
        var before = await SnapshotAsync();
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var save = await supervisee.PostWithTokenAsync(Url(id), Browser.AntiforgeryToken(await supervisee.GetPageAsync(Url(id))), RecordFields(1, discussion: "Rewritten"));
        var early = await supervisee.PostWithTokenAsync(Url(id) + "/acknowledge/confirm", Browser.AntiforgeryToken(await supervisee.GetPageAsync(Url(id))), [new("Version", "1")]);
        var comment = await supervisor.PostWithTokenAsync(Url(id) + "/comments", Browser.AntiforgeryToken(await supervisor.GetPageAsync(Url(id))), [new("Text", "A comment")]);

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Your supervisor has not signed this record yet", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, comment.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        var page = await supervisee.GetPageAsync(Url(id));
        Assert.DoesNotContain("name=\"Discussion\"", page);
        Assert.DoesNotContain($"formaction=\"{Url(id)}/acknowledge\"", page); // nothing to acknowledge until the supervisor signs
    }

    [Fact]
    public async Task Only_a_current_supervisor_of_the_person_can_start_a_record()
    {
        var people = await PeopleAsync();
        var start = Start(people.Supervisee.Id);

        Assert.Contains("Record a supervision session", await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(start));
        foreach (var supervisor in new[] { people.Former, people.OtherSupervisor })
        {
            var client = await Factory.SignedInAsync(supervisor.Email!);
            await client.GetPageAsync(start, HttpStatusCode.NotFound);
            var post = await client.PostWithTokenAsync(start, Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password")), RecordFields(0));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        foreach (var person in new[] { people.Supervisee, people.OtherLearner, people.Commissioner, people.Administrator })
        {
            var client = await Factory.SignedInAsync(person.Email!);
            await client.GetPageAsync(start, HttpStatusCode.Forbidden);
            var post = await client.PostWithTokenAsync(start, Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password")), RecordFields(0));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync("/supervision/records/new", HttpStatusCode.NotFound);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.SupervisionRecords.CountAsync()));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_every_supervision_record_address()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people);
        var anonymous = Factory.CreateBrowser();

        var requests = new List<HttpRequestMessage>
        {
            new(HttpMethod.Get, "/supervision/records"),
            new(HttpMethod.Get, Start(people.Supervisee.Id)),
            new(HttpMethod.Get, Url(id)),
        };
        requests.AddRange(new[] { Start(people.Supervisee.Id), Url(id), Url(id) + "/comments", Url(id) + "/sign", Url(id) + "/acknowledge", Url(id) + "/acknowledge/confirm" }
            .Select(path => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) }));
        foreach (var request in requests)
        {
            var response = await anonymous.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/sign-in", StringComparison.Ordinal),
                $"{request.Method} {request.RequestUri}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Each_person_lists_only_their_own_records_reached_from_the_caseload_and_their_own_pages()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);

        var caseload = await supervisor.GetPageAsync("/supervision/caseload");
        Assert.Contains($"href=\"/supervision/records?supervisee={people.Supervisee.Id}\"", caseload);
        var theirs = await supervisor.GetPageAsync($"/supervision/records?supervisee={people.Supervisee.Id}");
        Assert.Contains($"href=\"{Url(id)}\"", theirs);
        Assert.Contains($"href=\"{Start(people.Supervisee.Id)}\"", theirs);
        Assert.Contains("Record a supervision session", theirs);

        Assert.Contains("href=\"/supervision/records\"", await supervisee.GetPageAsync("/reflections"));
        Assert.Contains("href=\"/supervision/records\"", await supervisee.GetPageAsync("/"));
        var mine = await supervisee.GetPageAsync("/supervision/records");
        Assert.Contains("Your supervision records", mine);
        Assert.Contains($"href=\"{Url(id)}\"", mine);
        Assert.Contains(people.Supervisor.DisplayName, mine);

        foreach (var outsider in Outsiders(people))
            Assert.DoesNotContain(id.ToString(), await (await Factory.SignedInAsync(outsider.Email!)).GetPageAsync("/supervision/records"));
        foreach (var supervisorOfSomeoneElse in new[] { people.Former, people.OtherSupervisor })
            await (await Factory.SignedInAsync(supervisorOfSomeoneElse.Email!)).GetPageAsync($"/supervision/records?supervisee={people.Supervisee.Id}", HttpStatusCode.NotFound);
    }

    // The workflow

    [Fact]
    public async Task A_record_is_drafted_commented_on_signed_by_both_and_then_locked_for_everyone()
    {
        var people = await PeopleAsync();
        var sharedLog = await LogAsync(people.Supervisee, "A visit that stayed with me", shared: true);
        var draftLog = await LogAsync(people.Supervisee, "My private draft", shared: false);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);

        var form = await supervisor.GetPageAsync(Start(people.Supervisee.Id));
        Assert.Contains("A visit that stayed with me", form);
        Assert.DoesNotContain("My private draft", form);
        Assert.Contains("Hearing about the sexual exploitation of children can be distressing", form);
        var refusedLog = await supervisor.PostFormAsync(Start(people.Supervisee.Id), Start(people.Supervisee.Id), RecordFields(0, logs: [draftLog]));
        Assert.Equal(HttpStatusCode.BadRequest, refusedLog.StatusCode);
        Assert.Contains("Choose the logs discussed from the list", await refusedLog.Content.ReadAsStringAsync());

        var created = await supervisor.PostFormAsync(Start(people.Supervisee.Id), Start(people.Supervisee.Id), RecordFields(0,
            attendees: "Sol Supervisor (supervisor), Ash Supervisee (social worker)", agenda: "The visit; workload",
            discussion: "We went through the log.", logs: [sharedLog], actions: [New("Book the trauma-informed training", "Supervisee", Today.AddDays(14))]));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString["/supervision/records/".Length..]);

        var saved = await supervisor.PostFormAsync(Url(id), Url(id), RecordFields(1, discussion: "We went through the log together.",
            wellbeing: "Tired after the visit; agreed a debrief.", decisions: "Keep the case.", next: Today.AddDays(28), logs: [sharedLog],
            actions: [Existing(await ActionIdAsync("Book the trauma-informed training"), "Book the trauma-informed training", "Supervisee", Today.AddDays(21))]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var read = await supervisee.GetPageAsync(Url(id));
        Assert.Contains("We went through the log together.", read);
        Assert.Contains("Tired after the visit; agreed a debrief.", read);
        Assert.Contains("Book the trauma-informed training", read);
        Assert.Contains($"href=\"/reflections/{sharedLog}\"", read);
        Assert.Contains("Draft", read);
        var commented = await supervisee.PostFormAsync(Url(id), Url(id) + "/comments", [new("Text", "I would add that the debrief is booked.")]);
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        Assert.Contains("I would add that the debrief is booked.", await supervisor.GetPageAsync(Url(id)));

        var signed = await supervisor.PostFormAsync(Url(id) + "/sign", Url(id) + "/sign/confirm", [new("Version", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var afterSigning = await supervisor.GetPageAsync(Url(id));
        Assert.DoesNotContain("name=\"Discussion\"", afterSigning);
        Assert.Contains("Awaiting acknowledgement", afterSigning);
        var acknowledged = await supervisee.PostFormAsync(Url(id) + "/acknowledge", Url(id) + "/acknowledge/confirm", [new("Version", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);

        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal((RecordStatus.Locked, 4), (record.Status, record.Version));
        var locked = await supervisee.GetPageAsync(Url(id));
        Assert.Contains("The record is locked", locked);
        Assert.DoesNotContain("<textarea", locked);
        Assert.DoesNotContain($"action=\"{Url(id)}/", locked);

        // After the lock, nobody changes anything, whatever version they send.
        var before = await SnapshotAsync();
        var token = Browser.AntiforgeryToken(await supervisor.GetPageAsync(Url(id)));
        var stale = await supervisor.PostWithTokenAsync(Url(id), token, RecordFields(2, discussion: "Changed after the lock"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("it is locked and your changes were not saved", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var current = await supervisor.PostWithTokenAsync(Url(id), token, RecordFields(4, discussion: "Changed after the lock"));
        Assert.Equal(HttpStatusCode.BadRequest, current.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostWithTokenAsync(Url(id) + "/sign/confirm", token, [new("Version", "4")])).StatusCode);
        var superviseeToken = Browser.AntiforgeryToken(await supervisee.GetPageAsync(Url(id)));
        var lateComment = await supervisee.PostWithTokenAsync(Url(id) + "/comments", superviseeToken, [new("Text", "One more thing")]);
        Assert.Equal(HttpStatusCode.BadRequest, lateComment.StatusCode);
        Assert.Contains("it is locked and your comment was not added", WebUtility.HtmlDecode(await lateComment.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisee.PostWithTokenAsync(Url(id) + "/acknowledge/confirm", superviseeToken, [new("Version", "4")])).StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        Assert.DoesNotContain("Changed after the lock", await supervisor.GetPageAsync(Url(id)));
    }

    [Fact]
    public async Task The_supervisor_cannot_sign_until_the_supervisees_wellbeing_is_recorded()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, discussion: "Notes");
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var refused = await supervisor.PostFormAsync(Url(id) + "/sign", Url(id) + "/sign/confirm", [new("Version", "1")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Record the supervisee&#x27;s wellbeing before you sign", await refused.Content.ReadAsStringAsync());
        Assert.Null((await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync())).SupervisorSignedAt);
    }

    // Concurrency

    [Fact]
    public async Task A_save_made_against_an_older_version_is_refused_with_the_editors_text_kept_in_the_form()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, discussion: "The first words");
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var firstTab = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id));
        var secondTab = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id));

        var first = await supervisor.PostWithTokenAsync(Url(id), firstTab, RecordFields(1, discussion: "Saved from the first tab"));
        var second = await supervisor.PostWithTokenAsync(Url(id), secondTab, RecordFields(1, discussion: "Written in the second tab " + Phrase));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("This record has changed since you opened it (perhaps in another tab), so your changes were not saved.", WebUtility.HtmlDecode(page));
        Assert.Contains("Written in the second tab " + Phrase + "</textarea>", page);
        Assert.Contains("Saved from the first tab", page); // the record as it is now, to compare
        Assert.Contains("name=\"Version\" value=\"2\"", page);
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync());
        Assert.Equal(2, record.Version);
        Assert.DoesNotContain(Phrase, await supervisor.GetPageAsync(Url(id)));

        var staleSign = await supervisor.PostWithTokenAsync(Url(id) + "/sign/confirm", firstTab, [new("Version", "1")]);
        Assert.Equal(HttpStatusCode.Conflict, staleSign.StatusCode);
        Assert.Contains("so it was not signed", await staleSign.Content.ReadAsStringAsync());
        Assert.Null((await Factory.WithDbAsync(db => db.SupervisionRecords.SingleAsync())).SupervisorSignedAt);
    }

    // Carrying actions forward

    [Fact]
    public async Task Open_actions_carry_forward_into_the_next_record_as_copies_linked_to_the_originals()
    {
        var people = await PeopleAsync();
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var first = await CreateRecordAsync(people, wellbeing: "Coping.", date: Today.AddDays(-28),
            actions: [New("Read the exploitation protocol", "Supervisee", Today.AddDays(-14)), New("Ask the manager about caseload", "Supervisor", null)]);
        var read = await ActionIdAsync("Read the exploitation protocol");
        var ask = await ActionIdAsync("Ask the manager about caseload");
        await supervisor.PostFormAsync(Url(first), Url(first), RecordFields(1, wellbeing: "Coping.", date: Today.AddDays(-28),
            actions: [Existing(read, "Read the exploitation protocol", "Supervisee", Today.AddDays(-14)), Existing(ask, "Ask the manager about caseload", "Supervisor", null, done: true)]));

        // The next record waits until this one is signed, so its actions carry forward as they stand.
        var blocked = await supervisor.GetAsync(Start(people.Supervisee.Id));
        Assert.Equal((HttpStatusCode.Redirect, Url(first)), (blocked.StatusCode, blocked.Headers.Location!.OriginalString));
        Assert.Contains("Finish and sign this record before you start the next", await supervisor.GetPageAsync(Url(first)));
        await supervisor.PostFormAsync(Url(first) + "/sign", Url(first) + "/sign/confirm", [new("Version", "2")]);

        var form = await supervisor.GetPageAsync(Start(people.Supervisee.Id));
        Assert.Contains("Read the exploitation protocol", form);
        Assert.Contains($"Carried forward from the session on {Day(Today.AddDays(-28))}", form);
        Assert.DoesNotContain("Ask the manager about caseload", form);
        Assert.Contains($"name=\"Actions[0].CarriedFrom\" value=\"{read}\"", form);
        var second = await CreateRecordAsync(people, supervisor, wellbeing: "Better.", actions:
            [Carried(read, "Supervisee", Today.AddDays(7)), New("Plan a joint visit", "Supervisor", null)]);

        var actions = await Factory.WithDbAsync(db => db.SupervisionActions.AsNoTracking().Where(a => a.RecordId == second).OrderBy(a => a.Position).ToListAsync());
        Assert.Equal(2, actions.Count);
        Assert.Equal((read, Today.AddDays(7), ActionStatus.Open), (actions[0].CarriedFromId, actions[0].DueOn, actions[0].Status));
        Assert.Null(actions[1].CarriedFromId);
        var page = await (await Factory.SignedInAsync(people.Supervisee.Email!)).GetPageAsync(Url(second));
        Assert.Contains("Read the exploitation protocol", page);
        Assert.Contains("Plan a joint visit", page);

        // Left out of the form, a carried action stays; and an action carried once is not carried again.
        await supervisor.PostFormAsync(Url(second), Url(second), RecordFields(1, wellbeing: "Better."));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.SupervisionActions.CountAsync(a => a.RecordId == second && a.CarriedFromId == read)));
        await supervisor.PostFormAsync(Url(second) + "/sign", Url(second) + "/sign/confirm", [new("Version", "2")]);
        var third = await CreateRecordAsync(people, supervisor, wellbeing: "Fine.");
        var carriedAgain = await Factory.WithDbAsync(db => db.SupervisionActions.AsNoTracking().Where(a => a.RecordId == third).ToListAsync());
        Assert.Equal([actions[0].Id], carriedAgain.Select(a => a.CarriedFromId!.Value).ToList());
    }

    // Protection

    [Fact]
    public async Task Every_text_field_actions_and_comments_are_encrypted_in_the_database()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, attendees: "Attendees " + Phrase, agenda: "Agenda " + Phrase, discussion: "Discussion " + Phrase,
            wellbeing: "Wellbeing " + Phrase, decisions: "Decisions " + Phrase, actions: [New("Action " + Phrase, "Supervisee", null)]);
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);
        await supervisee.PostFormAsync(Url(id), Url(id) + "/comments", [new("Text", "Comment " + Phrase)]);

        var page = await supervisee.GetPageAsync(Url(id));
        foreach (var part in new[] { "Attendees", "Agenda", "Discussion", "Wellbeing", "Decisions", "Action", "Comment" })
            Assert.Contains($"{part} {Phrase}", page);
        var raw = await Factory.RawStoredTextAsync();
        Assert.Contains(people.Supervisee.Email!, raw, StringComparison.OrdinalIgnoreCase); // the search reads the stored rows
        Assert.DoesNotContain(Phrase, raw);
        Assert.DoesNotContain("above the weir", raw);
    }

    [Fact]
    public async Task Signatures_and_supervisee_comments_are_audited_without_their_text()
    {
        var people = await PeopleAsync();
        var id = await CreateRecordAsync(people, wellbeing: "Coping " + Phrase);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);

        await supervisee.PostFormAsync(Url(id), Url(id) + "/comments", [new("Text", "A comment about " + Phrase)]);
        await supervisor.PostFormAsync(Url(id) + "/sign", Url(id) + "/sign/confirm", [new("Version", "1")]);
        await supervisee.PostFormAsync(Url(id), Url(id) + "/acknowledge", []);
        await supervisee.PostFormAsync(Url(id) + "/acknowledge", Url(id) + "/acknowledge/confirm", [new("Version", "2")]);

        var all = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
        // The supervisor wrote the record: each time the supervisee opened it (before commenting, before signing), that read is audited.
        Assert.Equal([people.Supervisee.Id, people.Supervisee.Id], all.Where(e => e.Action == AuditAction.SupervisionRecordRead).Select(e => e.ActorId));
        var entries = all.Where(e => e.Action != AuditAction.SupervisionRecordRead).ToList();
        Assert.Equal([AuditAction.SupervisionCommentAdded, AuditAction.SupervisionRecordSigned, AuditAction.SupervisionRecordAcknowledged], entries.Select(e => e.Action));
        Assert.Equal([people.Supervisee.Id, people.Supervisor.Id, people.Supervisee.Id], entries.Select(e => e.ActorId));
        Assert.All(entries, e => Assert.Equal((id, people.Supervisee.Id, (string?)null), (e.SubjectId, e.OwnerId, e.Detail)));
        var trail = await (await Factory.SignedInAsync(people.Administrator.Email!)).GetPageAsync("/admin/audit");
        Assert.Contains("SupervisionRecordAcknowledged", trail);
        Assert.Contains(people.Supervisor.DisplayName, trail);
        Assert.DoesNotContain(Phrase, trail);
    }

    // Limits

    [Theory]
    [InlineData("SessionDate", "0001-01-01", "Enter the date of the session between 1 January 2000 and 31 December 2099")]
    [InlineData("SessionDate", "9999-12-31", "Enter the date of the session between 1 January 2000 and 31 December 2099")]
    [InlineData("NextSessionDate", "0001-01-01", "Enter the date of the next session between 1 January 2000 and 31 December 2099")]
    [InlineData("NextSessionDate", "9999-12-31", "Enter the date of the next session between 1 January 2000 and 31 December 2099")]
    [InlineData("Actions[0].DueOn", "9999-12-31", "Enter the due date between 1 January 2000 and 31 December 2099")]
    public async Task A_date_outside_the_sensible_years_is_refused_with_the_range_and_kept_in_the_form(string field, string typed, string message)
    {
        var people = await PeopleAsync();
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var fields = RecordFields(0, discussion: "Talked through the week.", actions: [New("Call the school", "Supervisee", null)])
            .Select(f => f.Key == field ? new KeyValuePair<string, string>(field, typed) : f).ToList();
        var before = await SnapshotAsync();

        var response = await supervisor.PostFormAsync(Start(people.Supervisee.Id), Start(people.Supervisee.Id), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", page);
        Assert.Contains(message, page);
        Assert.Contains($"value=\"{typed}\"", page);
        Assert.Contains("Talked through the week.</textarea>", page);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Over_long_text_is_refused_with_a_message_and_kept_in_the_form()
    {
        var people = await PeopleAsync();
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var tooLong = new string('a', 10_000 - 10) + " " + Phrase;

        var onCreate = await supervisor.PostFormAsync(Start(people.Supervisee.Id), Start(people.Supervisee.Id), RecordFields(0, discussion: tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, onCreate.StatusCode);
        var createPage = await onCreate.Content.ReadAsStringAsync();
        Assert.Contains($"Discussion must be 10,000 characters or fewer (it is {tooLong.Length:N0})", createPage);
        Assert.Contains(Phrase + "</textarea>", createPage);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.SupervisionRecords.CountAsync()));

        var id = await CreateRecordAsync(people, supervisor, discussion: "Short");
        var before = await SnapshotAsync();
        var longAction = new string('b', SupervisionAction.MaxDescriptionLength) + "!";
        var onSave = await supervisor.PostFormAsync(Url(id), Url(id), RecordFields(1, attendees: new string('c', 501), discussion: "Kept " + Phrase,
            actions: [New(longAction, "Supervisee", null)]));
        Assert.Equal(HttpStatusCode.BadRequest, onSave.StatusCode);
        var savePage = WebUtility.HtmlDecode(await onSave.Content.ReadAsStringAsync());
        Assert.Contains("Who attended must be 500 characters or fewer (it is 501)", savePage);
        Assert.Contains("An action must be 500 characters or fewer (it is 501)", savePage);
        Assert.Contains("Kept " + Phrase + "</textarea>", savePage);
        Assert.Contains(longAction + "</textarea>", savePage);

        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);
        var onComment = await supervisee.PostFormAsync(Url(id), Url(id) + "/comments", [new("Text", new string('d', 5_000) + Phrase)]);
        Assert.Equal(HttpStatusCode.BadRequest, onComment.StatusCode);
        var commentPage = await onComment.Content.ReadAsStringAsync();
        Assert.Contains("A comment must be 5,000 characters or fewer", commentPage);
        Assert.Contains(Phrase + "</textarea>", commentPage);
        Assert.Equal(before, await SnapshotAsync());
    }

    // Helpers

    private static IEnumerable<User> Outsiders(SupervisionPeople people) =>
        [people.Former, people.OtherSupervisor, people.OtherLearner, people.Commissioner, people.Administrator];

    private static string Url(Guid id) => $"/supervision/records/{id}";

    private static string Start(Guid superviseeId) => $"/supervision/records/new?supervisee={superviseeId}";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private sealed record ActionRow(Guid? Id, Guid? CarriedFrom, string Description, string Owner, DateOnly? DueOn, bool Done);

    private static ActionRow New(string description, string owner, DateOnly? dueOn) => new(null, null, description, owner, dueOn, false);

    private static ActionRow Existing(Guid id, string description, string owner, DateOnly? dueOn, bool done = false) => new(id, null, description, owner, dueOn, done);

    private static ActionRow Carried(Guid from, string owner, DateOnly? dueOn) => new(null, from, "", owner, dueOn, false);

    private static List<KeyValuePair<string, string>> RecordFields(int version, DateOnly? date = null, string attendees = "", string agenda = "", string discussion = "",
        string wellbeing = "", string decisions = "", DateOnly? next = null, IEnumerable<Guid>? logs = null, IEnumerable<ActionRow>? actions = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Version", version.ToString(CultureInfo.InvariantCulture)),
            new("SessionDate", Iso(date ?? Today)),
            new("Attendees", attendees), new("Agenda", agenda), new("Discussion", discussion), new("Wellbeing", wellbeing), new("Decisions", decisions),
            new("NextSessionDate", next is { } n ? Iso(n) : ""),
        };
        fields.AddRange((logs ?? []).Select(l => new KeyValuePair<string, string>("Logs", l.ToString())));
        var i = 0;
        foreach (var action in actions ?? [])
        {
            if (action.Id is { } id) fields.Add(new($"Actions[{i}].Id", id.ToString()));
            if (action.CarriedFrom is { } from) fields.Add(new($"Actions[{i}].CarriedFrom", from.ToString()));
            fields.Add(new($"Actions[{i}].Description", action.Description));
            fields.Add(new($"Actions[{i}].Owner", action.Owner));
            fields.Add(new($"Actions[{i}].DueOn", action.DueOn is { } due ? Iso(due) : ""));
            if (action.Done) fields.Add(new($"Actions[{i}].Status", "Done"));
            i++;
        }
        return fields;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A draft record (version 1) made through the supervisor's form.</summary>
    private async Task<Guid> CreateRecordAsync(SupervisionPeople people, HttpClient? supervisor = null, DateOnly? date = null, string attendees = "", string agenda = "",
        string discussion = "", string wellbeing = "", string decisions = "", IEnumerable<ActionRow>? actions = null)
    {
        supervisor ??= await Factory.SignedInAsync(people.Supervisor.Email!);
        var start = Start(people.Supervisee.Id);
        var response = await supervisor.PostFormAsync(start, start, RecordFields(0, date, attendees, agenda, discussion, wellbeing, decisions, actions: actions));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create: {(int)response.StatusCode}\n{Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
        return Guid.Parse(response.Headers.Location!.OriginalString["/supervision/records/".Length..]);
    }

    /// <summary>A record the former supervisor made while they still supervised, written straight to the database.</summary>
    private Task<Guid> FormerRecordAsync(SupervisionPeople people) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var record = SupervisionRecord.Start(people.Former.Id, people.Supervisee.Id, [],
            new SessionDetails(Today.AddMonths(-2), null, SessionNotes.Empty with { Discussion = "An older session" }, [], []), protector, DateTime.UtcNow.AddMonths(-2));
        db.SupervisionRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    private Task<Guid> LogAsync(User author, string title, bool shared) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var log = new ReflectiveLog(author.Id, ReflectionText.Empty with { Title = title }, protector, DateTime.UtcNow);
        if (shared) log.Share(author.Id, 1, DateTime.UtcNow);
        db.ReflectiveLogs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    });

    private Task<Guid> ActionIdAsync(string description) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var actions = await db.SupervisionActions.AsNoTracking().ToListAsync();
        return actions.Single(a => a.CarriedFromId == null && a.Description(protector) == description).Id;
    });

    private static IEnumerable<(string Path, KeyValuePair<string, string>[] Fields)> Posts(Guid id) =>
    [
        (Url(id), [.. RecordFields(1, discussion: "overwritten")]),
        (Url(id) + "/comments", [new("Text", "a comment")]),
        (Url(id) + "/sign", [new("Version", "1")]),
        (Url(id) + "/acknowledge", [new("Text", "a comment")]),
        (Url(id) + "/acknowledge/confirm", [new("Version", "1")]),
    ];

    /// <summary>Everything in the supervision tables and the audit trail, as stored.</summary>
    private Task<string> SnapshotAsync() => Factory.WithDbAsync(async db =>
    {
        var records = await db.SupervisionRecords.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Version, r.ProtectedNotes, r.SupervisorSignedAt, r.SuperviseeSignedAt }).ToListAsync();
        var actions = await db.SupervisionActions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.ProtectedDescription, a.Status, a.DueOn }).ToListAsync();
        return string.Join("|", records.Select(r => $"{r.Id}:{r.Version}:{r.ProtectedNotes}:{r.SupervisorSignedAt:O}:{r.SuperviseeSignedAt:O}"))
            + "#" + string.Join("|", actions.Select(a => $"{a.Id}:{a.ProtectedDescription}:{a.Status}:{a.DueOn}"))
            + $"#{await db.SupervisionComments.CountAsync()}#{await db.DiscussedLogs.CountAsync()}#{await db.AuditEntries.CountAsync(e => e.Action != AuditAction.SupervisionRecordRead)}";
    });

}

public sealed class SupervisionRecordTestsOnSqlite(SqliteAppFactory factory) : SupervisionRecordTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class SupervisionRecordTestsOnPostgres(PostgresAppFactory factory) : SupervisionRecordTests(factory), IClassFixture<PostgresAppFactory>;
