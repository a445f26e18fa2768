using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Reflections;

/// <summary>
/// Reflective logs: who may read and change them, sharing after the identifying-detail check, review,
/// sign-off and reopening, concurrent editing, encryption at rest, and the audit trail.
/// </summary>
public abstract partial class ReflectionTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Phrase = "the quiet lantern by the canal";

    private sealed record People(User Author, User Supervisor, User Former, User OtherSupervisor, User OtherLearner, User Commissioner, User Administrator);

    private async Task<People> PeopleAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var author = await Factory.CreateUserAsync("ash.author@riverside.example", org, Roles.Learner);
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var former = await Factory.CreateUserAsync("fay.former@riverside.example", org, Roles.Supervisor);
        var other = await Factory.CreateUserAsync("oli.other@riverside.example", org, Roles.Supervisor);
        var otherLearner = await Factory.CreateUserAsync("lee.learner@riverside.example", org, Roles.Learner);
        var commissioner = await Factory.CreateUserAsync("cam.commissioner@riverside.example", org, Roles.Commissioner);
        var administrator = await Factory.CreateUserAsync("ada.admin@riverside.example", org, Roles.Administrator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Factory.SuperviseAsync(supervisor, author, today.AddMonths(-1));
        await Factory.SuperviseAsync(former, author, today.AddMonths(-6), today.AddDays(-1));
        await Factory.SuperviseAsync(other, otherLearner, today.AddMonths(-1));
        return new People(author, supervisor, former, other, otherLearner, commissioner, administrator);
    }

    // Writing

    [Fact]
    public async Task The_author_writes_saves_and_reads_back_a_log_without_javascript()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);

        var id = await StartLogAsync(author);
        var response = await author.PostFormAsync($"/reflections/{id}", $"/reflections/{id}", Form(1, title: "A hard visit", description: Phrase));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await author.GetPageAsync($"/reflections/{id}");
        Assert.Contains(Phrase, page);
        Assert.Contains("value=\"A hard visit\"", page);
        Assert.Contains("Your log has been saved", page);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal((LogStatus.Draft, 2, people.Author.Id), (log.Status, log.Version, log.AuthorId));
        Assert.Empty(await Factory.WithDbAsync(db => db.AuditEntries.ToListAsync())); // the author's own reads are not audited
    }

    [Fact]
    public async Task Autosave_answers_with_the_new_version_and_a_stale_one_is_refused()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var id = await StartLogAsync(author);
        var token = Browser.FormToken(await author.GetPageAsync($"/reflections/{id}"), $"/reflections/{id}", $"/reflections/{id}");

        var saved = await author.PostWithTokenAsync($"/reflections/{id}/autosave", token, Form(1, description: "First thoughts"));
        var stale = await author.PostWithTokenAsync($"/reflections/{id}/autosave", token, Form(1, description: "From another tab"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("\"version\":2", await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("has changed since you opened it", await stale.Content.ReadAsStringAsync());
        Assert.Contains("First thoughts", await author.GetPageAsync($"/reflections/{id}"));
    }

    [Fact]
    public async Task Over_long_text_is_refused_with_a_message_and_the_draft_kept_in_the_form()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var id = await StartLogAsync(author);
        var tooLong = new string('a', ReflectionText.MaxStageLength - 10) + " " + Phrase;

        var response = await author.PostFormAsync($"/reflections/{id}", $"/reflections/{id}", Form(1, analysis: tooLong));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Analysis must be 10,000 characters or fewer", page);
        Assert.Contains(Phrase + "</textarea>", page);
        Assert.Equal(1, (await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync())).Version);
    }

    [Fact]
    public async Task A_log_started_from_a_module_prompt_is_linked_to_the_module_and_its_version()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var catalog = Factory.Services.GetRequiredService<CSELearning.Web.Content.ContentCatalog>();
        var module = catalog.Modules.First(m => m.SectionsOf<CSELearning.Web.Content.Reflection>().Any());
        var reflection = module.SectionsOf<CSELearning.Web.Content.Reflection>().First();
        var prompt = reflection.Prompts[0];
        await author.PostFormAsync($"/modules/{module.Id}", $"/modules/{module.Id}/start", []);

        var response = await author.PostFormAsync($"/modules/{module.Id}/{reflection.Id}", "/reflections/new", [new("Module", module.Id), new("Prompt", prompt.Id)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal((module.Id, module.Version.ToString(), prompt.Id), (log.ModuleId, log.ModuleVersion, log.PromptId));
        Assert.Contains(WebUtility.HtmlEncode(prompt.Text), await author.GetPageAsync(response.Headers.Location!.OriginalString));

        var unknown = await author.PostFormAsync($"/modules/{module.Id}/{reflection.Id}", "/reflections/new", [new("Module", module.Id), new("Prompt", "no-such-prompt")]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    // Sharing

    [Fact]
    public async Task Sharing_shows_each_identifying_detail_in_place_and_needs_each_confirmed()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var id = await StartLogAsync(author);
        await author.PostFormAsync($"/reflections/{id}", $"/reflections/{id}", Form(1, title: "After the meeting", description: "We met at the office near LS1 4AP and talked it through."));

        var check = await author.GetPageAsync($"/reflections/{id}/share");
        Assert.Contains("The check found 1 detail", check);
        Assert.Matches("<mark id=\"detail-1\">LS1 4AP", check);

        var unconfirmed = await author.PostFormAsync($"/reflections/{id}/share", $"/reflections/{id}/share", [new("Version", "2")]);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Not confirmed yet", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(LogStatus.Draft, (await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync())).Status);

        var key = ConfirmValue().Match(check).Groups[1].Value;
        var shared = await author.PostFormAsync($"/reflections/{id}/share", $"/reflections/{id}/share", [new("Version", "2"), new("Confirmed", WebUtility.HtmlDecode(key))]);

        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal(LogStatus.Shared, log.Status);
        var share = await Factory.WithDbAsync(db => db.LogShares.SingleAsync());
        Assert.Equal(people.Supervisor.Id, share.SupervisorId); // the current supervisor, not the former one
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditAction.LogShared, people.Author.Id, id, people.Author.Id), (audit.Action, audit.ActorId, audit.SubjectId, audit.OwnerId));
    }

    // Who may read and change a log

    [Fact]
    public async Task Only_the_author_and_a_current_supervisor_reach_a_shared_log_and_every_supervisor_read_is_audited()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);

        foreach (var (person, expected) in new[]
        {
            (people.Author, HttpStatusCode.OK), (people.Supervisor, HttpStatusCode.OK), (people.Former, HttpStatusCode.NotFound),
            (people.OtherSupervisor, HttpStatusCode.NotFound), (people.OtherLearner, HttpStatusCode.NotFound),
            (people.Commissioner, HttpStatusCode.NotFound), (people.Administrator, HttpStatusCode.NotFound),
        })
        {
            var client = await Factory.SignedInAsync(person.Email!);
            var response = await client.GetAsync($"/reflections/{id}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{person.Email}: {(int)response.StatusCode}");
            Assert.Equal(expected == HttpStatusCode.OK, body.Contains(Phrase, StringComparison.Ordinal));
        }
        var anonymous = await Factory.CreateBrowser().GetAsync($"/reflections/{id}");
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var reads = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.LogRead).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal((people.Supervisor.Id, id, people.Author.Id), (read.ActorId, read.SubjectId, read.OwnerId));
    }

    [Fact]
    public async Task A_draft_is_the_authors_alone_even_for_their_supervisor()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var id = await StartLogAsync(author);

        await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync($"/reflections/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_but_the_author_can_change_a_log_and_nobody_but_a_current_supervisor_can_review_it()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        var before = await SnapshotAsync();
        var token = Browser.AntiforgeryToken(await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync("/reflections"));

        foreach (var person in new[] { people.Former, people.OtherSupervisor, people.OtherLearner, people.Commissioner, people.Administrator })
        {
            var client = await Factory.SignedInAsync(person.Email!);
            var own = Browser.AntiforgeryToken(await client.GetPageAsync("/account"));
            foreach (var (path, fields) in Posts(id))
            {
                var response = await client.PostWithTokenAsync(path, own, fields);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{person.Email} POST {path}: {(int)response.StatusCode}");
            }
        }
        // The author may not review their own log.
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var authorToken = Browser.AntiforgeryToken(await author.GetPageAsync("/reflections"));
        foreach (var action in new[] { "sign-off", "request-revision", "comments", "reopen" })
        {
            var response = await author.PostWithTokenAsync($"/reflections/{id}/{action}", authorToken, [new("Version", "3"), new("Stage", "description"), new("Text", "mine")]);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"author {action}: {(int)response.StatusCode}");
        }
        // The supervisor may not write the author's log.
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var supervisorToken = Browser.AntiforgeryToken(await supervisor.GetPageAsync($"/reflections/{id}"));
        foreach (var path in new[] { $"/reflections/{id}", $"/reflections/{id}/autosave", $"/reflections/{id}/save-as-new", $"/reflections/{id}/share" })
        {
            var response = await supervisor.PostWithTokenAsync(path, supervisorToken, Form(3, description: "overwritten"));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"supervisor POST {path}: {(int)response.StatusCode}");
        }
        Assert.Equal(before, await SnapshotAsync(exceptAudit: true));
        _ = token;
    }

    // Review

    [Fact]
    public async Task A_supervisor_comments_asks_for_a_revision_and_the_author_sees_both()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var comment = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/comments", [new("Stage", "feelings"), new("Text", "Say more about how the visit left you feeling.")]);
        var revision = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/request-revision", [new("Version", "3"), new("Text", "Add an action plan, please.")]);

        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revision.StatusCode);
        var page = await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync($"/reflections/{id}");
        Assert.Contains("Say more about how the visit left you feeling.", page);
        Assert.Contains("Your supervisor asked for changes", page);
        Assert.Contains("Add an action plan, please.", page);
        Assert.Contains("Revision requested", page);
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.LogShared, AuditAction.LogRead, AuditAction.CommentAdded, AuditAction.LogRead, AuditAction.RevisionRequested], actions);
    }

    [Fact]
    public async Task Sign_off_without_confirming_that_it_locks_the_log_changes_nothing_and_says_why()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var form = await supervisor.GetPageAsync($"/reflections/{id}");
        Assert.Contains("Signing off locks the log", form);
        Assert.Contains("I understand signing off locks this log", form);

        foreach (var confirm in new[] { null, "false", "" })
        {
            var fields = new List<KeyValuePair<string, string>> { new("Version", "3") };
            if (confirm is not null) fields.Add(new("Confirm", confirm));
            var refused = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/sign-off", fields);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("There is a problem", page);
            Assert.Contains("href=\"#confirm-sign-off\"", page);
            Assert.Contains("id=\"confirm-sign-off-error\"", page);
        }

        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal((LogStatus.Shared, 3), (log.Status, log.Version));
        Assert.DoesNotContain(AuditAction.LogSignedOff, await Factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));

        var confirmed = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/sign-off", [new("Version", "3"), new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(LogStatus.SignedOff, (await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync())).Status);
    }

    [Fact]
    public async Task Sign_off_locks_the_log_and_only_a_supervisor_can_reopen_it_with_a_reason()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var signed = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/sign-off", [new("Version", "3"), new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var authorPage = await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync($"/reflections/{id}");
        Assert.Contains("The log is locked", authorPage);
        Assert.DoesNotContain("<textarea", authorPage);

        var noReason = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/reopen", [new("Version", "4"), new("Text", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give a reason for reopening the log.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(LogStatus.SignedOff, (await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync())).Status);

        var stale = await supervisor.PostWithTokenAsync($"/reflections/{id}/reopen", Browser.AntiforgeryToken(await supervisor.GetPageAsync($"/reflections/{id}")), [new("Version", "3"), new("Text", "A reason")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var reopened = await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/reopen", [new("Version", "4"), new("Text", "We agreed to add the follow-up.")]);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal((LogStatus.RevisionRequested, 5), (log.Status, log.Version));
        Assert.Contains("We agreed to add the follow-up.", await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync($"/reflections/{id}"));
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action != AuditAction.LogRead).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.LogShared, AuditAction.LogSignedOff, AuditAction.LogReopened], actions);
    }

    [Fact]
    public async Task A_save_made_while_the_supervisor_signed_off_is_refused_and_the_authors_text_is_kept_for_them()
    {
        var people = await PeopleAsync();
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var id = await StartLogAsync(author);
        await author.PostFormAsync($"/reflections/{id}", $"/reflections/{id}", Form(1, title: "Visit", description: Phrase));
        var editor = await author.GetPageAsync($"/reflections/{id}"); // this tab stays open at version 2

        // Meanwhile, from another tab, the author shares it, and the supervisor signs it off.
        await author.PostFormAsync($"/reflections/{id}/share", $"/reflections/{id}/share", [new("Version", "2")]);
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).PostFormAsync($"/reflections/{id}", $"/reflections/{id}/sign-off", [new("Version", "3"), new("Confirm", "true")]);
        var save = await author.PostWithTokenAsync($"/reflections/{id}", Browser.FormToken(editor, $"/reflections/{id}", $"/reflections/{id}"),
            Form(2, title: "Visit", description: "My newer words about the visit"));

        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        var page = await save.Content.ReadAsStringAsync();
        Assert.Contains("Your supervisor has signed this log off", WebUtility.HtmlDecode(page));
        Assert.Contains("My newer words about the visit</textarea>", page);
        Assert.Contains("Save my text as a new draft", page);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal((LogStatus.SignedOff, 4), (log.Status, log.Version));

        var kept = await author.PostWithTokenAsync($"/reflections/{id}/save-as-new", Browser.FormToken(page, $"/reflections/{id}", $"/reflections/{id}"),
            Form(2, title: "Visit", description: "My newer words about the visit"));
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Contains("My newer words about the visit", await author.GetPageAsync(kept.Headers.Location!.OriginalString));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.ReflectiveLogs.CountAsync()));
        Assert.Contains(Phrase, await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync($"/reflections/{id}")); // the signed-off text is untouched
    }

    [Fact]
    public async Task While_a_log_awaits_review_its_author_cannot_change_it_so_the_supervisor_reads_only_checked_text()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        var author = await Factory.SignedInAsync(people.Author.Email!);

        var page = await author.GetPageAsync($"/reflections/{id}");
        Assert.Contains("waiting for your supervisor", page);
        Assert.DoesNotContain("<textarea", page);
        var save = await author.PostWithTokenAsync($"/reflections/{id}", Browser.AntiforgeryToken(page), Form(3, description: "Added after sharing: LS1 4AP"));

        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Contains("waiting for your supervisor", WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("LS1 4AP", await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync($"/reflections/{id}"));

        // Once the supervisor asks for a revision, the author can change it, and must check and share it again.
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).PostFormAsync($"/reflections/{id}", $"/reflections/{id}/request-revision", [new("Version", "3"), new("Text", "Add more.")]);
        var edit = await author.PostFormAsync($"/reflections/{id}", $"/reflections/{id}", Form(4, description: Phrase + " and more"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("Check and share with your supervisor", await author.GetPageAsync($"/reflections/{id}"));
    }

    [Fact]
    public async Task Text_that_could_run_as_script_or_a_javascript_link_is_shown_as_text_to_the_supervisor()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, "<script>alert('x')</script> and [a link](javascript:alert(1)) and <img src=x onerror=alert(2)>");

        var page = await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync($"/reflections/{id}");

        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;script&gt;", page);
    }

    // Protection

    [Fact]
    public async Task Reflective_text_comments_and_notes_are_encrypted_in_the_database()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/comments", [new("Stage", "analysis"), new("Text", "A comment about " + Phrase)]);
        await supervisor.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/request-revision", [new("Version", "3"), new("Text", "A note about " + Phrase)]);
        Assert.Contains(Phrase, await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync($"/reflections/{id}"));

        var raw = await Factory.RawStoredTextAsync();
        Assert.Contains(people.Author.Email!, raw, StringComparison.OrdinalIgnoreCase); // the search reads the stored rows
        Assert.DoesNotContain(Phrase, raw);
        Assert.DoesNotContain("quiet lantern", raw);
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_deleted_through_the_application()
    {
        var people = await PeopleAsync();
        await SharedLogAsync(people, Phrase);

        await Assert.ThrowsAsync<AuditTrailIsAppendOnlyException>(() => Factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<AuditTrailIsAppendOnlyException>(() => Factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.Entry(entry).Property(e => e.Detail).CurrentValue = "changed";
            await db.SaveChangesAsync();
        }));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Administrators_read_the_audit_trail_which_shows_no_text_and_others_may_not()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people, Phrase);
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync($"/reflections/{id}");

        var page = await (await Factory.SignedInAsync(people.Administrator.Email!)).GetPageAsync("/admin/audit");

        Assert.Contains("LogRead", page);
        Assert.Contains("LogShared", page);
        Assert.Contains(people.Supervisor.DisplayName, page);
        Assert.DoesNotContain(Phrase, page);
        Assert.DoesNotContain("A visit", page); // not even the title
        foreach (var person in new[] { people.Author, people.Supervisor, people.Commissioner })
            await (await Factory.SignedInAsync(person.Email!)).GetPageAsync("/admin/audit", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_administrator_sees_how_many_logs_a_person_has_and_at_what_stage_never_their_text()
    {
        var people = await PeopleAsync();
        await SharedLogAsync(people, Phrase, title: "Shared log title");
        await StartLogAsync(await Factory.SignedInAsync(people.Author.Email!));

        var page = await (await Factory.SignedInAsync(people.Administrator.Email!)).GetPageAsync($"/admin/users/{people.Author.Id}");

        Assert.Contains("Reflective logs: drafts</dt><dd class=\"govuk-summary-list__value\">1</dd>", page);
        Assert.Contains("Reflective logs: awaiting review</dt><dd class=\"govuk-summary-list__value\">1</dd>", page);
        Assert.Contains("Reflective logs: signed off</dt><dd class=\"govuk-summary-list__value\">0</dd>", page);
        Assert.DoesNotContain(Phrase, page);
        Assert.DoesNotContain("Shared log title", page);
    }

    // The caseload

    [Fact]
    public async Task The_caseload_lists_logs_awaiting_review_oldest_first_and_flags_overdue_ones()
    {
        var people = await PeopleAsync();
        var older = await SharedLogAsync(people, "The older one", title: "Older log");
        Factory.Clock.Advance(TimeSpan.FromDays(15));
        var newer = await SharedLogAsync(people, "The newer one", title: "Newer log");

        var page = await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync("/supervision/caseload");

        Assert.True(page.IndexOf($"/reflections/{older}", StringComparison.Ordinal) < page.IndexOf($"/reflections/{newer}", StringComparison.Ordinal));
        Assert.Equal(1, Regex.Count(page, ">Overdue</strong>"));
        Assert.Contains(people.Author.DisplayName, page);
        Assert.DoesNotContain(people.OtherLearner.DisplayName, page);
        await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync("/supervision/caseload", HttpStatusCode.Forbidden);
    }

    // Helpers

    private static async Task<Guid> StartLogAsync(HttpClient author)
    {
        var response = await author.PostFormAsync("/reflections", "/reflections/new", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/reflections/".Length..]);
    }

    /// <summary>A log written by the author and shared with their supervisor: version 3.</summary>
    private async Task<Guid> SharedLogAsync(People people, string description, string title = "A visit")
    {
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var id = await StartLogAsync(author);
        var saved = await author.PostFormAsync($"/reflections/{id}", $"/reflections/{id}", Form(1, title: title, description: description));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shared = await author.PostFormAsync($"/reflections/{id}/share", $"/reflections/{id}/share", [new("Version", "2")]);
        Assert.True(shared.StatusCode == HttpStatusCode.Redirect, $"share: {(int)shared.StatusCode}\n{Browser.Excerpt(await shared.Content.ReadAsStringAsync())}");
        return id;
    }

    private static KeyValuePair<string, string>[] Form(int version, string title = "", string description = "", string analysis = "") =>
    [
        new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Title", title), new("Description", description),
        new("Feelings", ""), new("Evaluation", ""), new("Analysis", analysis), new("Conclusion", ""), new("ActionPlan", ""),
    ];

    private static IEnumerable<(string Path, KeyValuePair<string, string>[] Fields)> Posts(Guid id) =>
    [
        ($"/reflections/{id}", Form(3, description: "overwritten")),
        ($"/reflections/{id}/autosave", Form(3, description: "overwritten")),
        ($"/reflections/{id}/save-as-new", Form(3, description: "copied")),
        ($"/reflections/{id}/share", [new("Version", "3")]),
        ($"/reflections/{id}/comments", [new("Stage", "description"), new("Text", "a comment")]),
        ($"/reflections/{id}/request-revision", [new("Version", "3"), new("Text", "a note")]),
        ($"/reflections/{id}/sign-off", [new("Version", "3"), new("Confirm", "true")]),
        ($"/reflections/{id}/reopen", [new("Version", "3"), new("Text", "a reason")]),
    ];

    /// <summary>Everything in the reflection tables except the audit trail (which records refused reads too).</summary>
    private Task<string> SnapshotAsync(bool exceptAudit = true) => Factory.WithDbAsync(async db =>
    {
        var logs = await db.ReflectiveLogs.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Status, l.Version, l.ProtectedText }).ToListAsync();
        var comments = await db.ReviewComments.CountAsync();
        var shares = await db.LogShares.CountAsync();
        var audit = exceptAudit ? 0 : await db.AuditEntries.CountAsync();
        return string.Join("|", logs.Select(l => $"{l.Id}:{l.Status}:{l.Version}:{l.ProtectedText.Length}")) + $"|{comments}|{shares}|{audit}";
    });

    [GeneratedRegex("name=\"Confirmed\" type=\"checkbox\" value=\"([^\"]+)\"")]
    private static partial Regex ConfirmValue();
}

public sealed class ReflectionTestsOnSqlite(SqliteAppFactory factory) : ReflectionTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class ReflectionTestsOnPostgres(PostgresAppFactory factory) : ReflectionTests(factory), IClassFixture<PostgresAppFactory>;
