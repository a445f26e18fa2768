using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Reflections;

/// <summary>
/// The review of a shared log as one form: every stage's comment saved together, a revision request or sign-off that
/// never drops a comment being written, drafts of all of it kept on the server as the supervisor types; and the
/// author's replies, threaded under each stage's comments, with their own drafts.
/// </summary>
public abstract class StageCommentsAndRepliesTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Feelings = "Say more about how the visit left you feeling.";
    private const string Analysis = "What does the research tell you about this pattern?";
    private const string Reply = "I felt shaken, and I talked to my team lead the next day.";

    private sealed record People(User Author, User Supervisor, User Former, User OtherSupervisor, User OtherLearner, User Commissioner);

    private async Task<People> PeopleAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var author = await Factory.CreateUserAsync("ash.author@riverside.example", org, Roles.Learner);
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var former = await Factory.CreateUserAsync("fay.former@riverside.example", org, Roles.Supervisor);
        var other = await Factory.CreateUserAsync("oli.other@riverside.example", org, Roles.Supervisor);
        var otherLearner = await Factory.CreateUserAsync("lee.learner@riverside.example", org, Roles.Learner);
        var commissioner = await Factory.CreateUserAsync("cam.commissioner@riverside.example", org, Roles.Commissioner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Factory.SuperviseAsync(supervisor, author, today.AddMonths(-1));
        await Factory.SuperviseAsync(former, author, today.AddMonths(-6), today.AddDays(-1));
        await Factory.SuperviseAsync(other, otherLearner, today.AddMonths(-1));
        return new People(author, supervisor, former, other, otherLearner, commissioner);
    }

    // Stage comments

    [Fact]
    public async Task Comments_on_two_stages_are_saved_together_by_one_post_from_one_form()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var page = await supervisor.GetPageAsync(Url(id));
        var form = FormHolding(page, "name=\"Comments[feelings]\"");
        Assert.Contains("name=\"Comments[analysis]\"", form);
        Assert.Contains("name=\"RevisionNote\"", form);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, ">Save comments</button>"));
        var saved = await supervisor.PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings), Field("Comments[analysis]", Analysis), Field("RevisionNote", "")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var comments = await Factory.WithDbAsync(db => db.ReviewComments.OrderBy(c => c.Stage).Select(c => c.Stage).ToListAsync());
        Assert.Equal([GibbsStage.Feelings, GibbsStage.Analysis], comments.Order());
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CommentAdded)));
        var authorPage = await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync(Url(id));
        Assert.Contains(WebUtility.HtmlEncode(Feelings), authorPage);
        Assert.Contains(WebUtility.HtmlEncode(Analysis), authorPage);
        Assert.Contains("2 comments added", await supervisor.GetPageAsync(Url(id)));
    }

    [Fact]
    public async Task A_revision_request_sent_while_stage_comments_are_written_sends_the_comments_too()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var sent = await supervisor.PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var token = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id) + "/comments");
        var revision = await supervisor.PostWithTokenAsync(Url(id) + "/request-revision", token,
            [Field("Version", "3"), Field("Comments[analysis]", Analysis), Field("RevisionNote", "Add an action plan, please.")]);

        Assert.Equal(HttpStatusCode.Redirect, revision.StatusCode);
        var log = await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync());
        Assert.Equal(LogStatus.RevisionRequested, log.Status);
        var stages = await Factory.WithDbAsync(db => db.ReviewComments.Select(c => c.Stage).ToListAsync());
        Assert.Equal([GibbsStage.Feelings, GibbsStage.Analysis], stages.Order());
        Assert.Contains(WebUtility.HtmlEncode(Analysis), await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync(Url(id)));
    }

    [Fact]
    public async Task Signing_off_with_a_revision_request_written_is_refused_and_every_box_keeps_its_text()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var token = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id) + "/comments");

        var refused = await supervisor.PostWithTokenAsync(Url(id) + "/sign-off", token,
            [Field("Version", "3"), Field("Comments[feelings]", Feelings), Field("RevisionNote", "Please add the follow-up.")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("You have written a request for a revision", WebUtility.HtmlDecode(page));
        Assert.Contains(WebUtility.HtmlEncode(Feelings) + "</textarea>", page);
        Assert.Contains("Please add the follow-up.</textarea>", page);
        Assert.Contains("govuk-error-summary", page);
        Assert.Equal(LogStatus.Shared, (await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync())).Status);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ReviewComments.CountAsync()));
    }

    [Fact]
    public async Task Saving_comments_keeps_a_revision_request_being_written_as_a_draft_shown_on_reopening()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);

        var saved = await supervisor.PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings), Field("RevisionNote", "Half-written request")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Url(id));
        Assert.Contains("Half-written request</textarea>", page);
        Assert.Equal(LogStatus.Shared, (await Factory.WithDbAsync(db => db.ReflectiveLogs.SingleAsync())).Status);
    }

    // Drafts of the review form

    [Fact]
    public async Task Review_drafts_autosave_come_back_on_reopening_are_encrypted_and_a_stale_autosave_is_refused_with_409()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var token = Browser.FormToken(await supervisor.GetPageAsync(Url(id)), Url(id), Url(id) + "/comments");

        var first = await supervisor.PostWithTokenAsync(Url(id) + "/review/autosave", token,
            [Field("DraftVersion", "0"), Field("Comments[feelings]", "A first thought on feelings"), Field("Comments[conclusion]", "A thought on the conclusion"), Field("RevisionNote", "A request taking shape")]);
        var stale = await supervisor.PostWithTokenAsync(Url(id) + "/review/autosave", token,
            [Field("DraftVersion", "0"), Field("Comments[feelings]", "From another tab")]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"version\":1", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("another tab or window", await stale.Content.ReadAsStringAsync());
        var reopened = await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Url(id));
        Assert.Contains("A first thought on feelings</textarea>", reopened);
        Assert.Contains("A thought on the conclusion</textarea>", reopened);
        Assert.Contains("A request taking shape</textarea>", reopened);
        Assert.Contains("name=\"DraftVersion\" value=\"1\"", reopened);
        var stored = await Factory.WithDbAsync(db => db.FormDrafts.SingleAsync());
        Assert.DoesNotContain("first thought", stored.ProtectedText, StringComparison.Ordinal);
        // The author never sees the supervisor's drafts.
        Assert.DoesNotContain("A first thought on feelings", await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync(Url(id)));

        // Posting the comments clears them from the draft; the revision request not sent stays.
        var posted = await supervisor.PostFormAsync(Url(id), Url(id) + "/comments",
            [Field("Comments[feelings]", "A first thought on feelings"), Field("Comments[conclusion]", "A thought on the conclusion"), Field("RevisionNote", "A request taking shape")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await supervisor.GetPageAsync(Url(id));
        Assert.DoesNotContain("A first thought on feelings</textarea>", after);
        Assert.Contains("A request taking shape</textarea>", after);
    }

    // Replies

    [Fact]
    public async Task The_author_replies_in_a_thread_per_stage_that_the_supervisor_sees_and_each_reply_is_audited_without_its_text()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        await supervisor.PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings), Field("Comments[analysis]", Analysis)]);
        var author = await Factory.SignedInAsync(people.Author.Email!);

        var authorPage = await author.GetPageAsync(Url(id));
        Assert.Contains("name=\"Replies[feelings]\"", authorPage);
        Assert.DoesNotContain("name=\"Replies[description]\"", authorPage); // no comment there to reply to
        var replied = await author.PostFormAsync(Url(id), Url(id) + "/replies", [Field("Replies[feelings]", Reply), Field("Replies[analysis]", "")]);

        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        foreach (var reader in new[] { author, await Factory.SignedInAsync(people.Supervisor.Email!) })
        {
            var page = await reader.GetPageAsync(Url(id));
            var feelings = page.IndexOf(WebUtility.HtmlEncode(Feelings), StringComparison.Ordinal);
            var reply = page.IndexOf(WebUtility.HtmlEncode(Reply), StringComparison.Ordinal);
            var analysisHeading = page.IndexOf("id=\"analysis\"", StringComparison.Ordinal);
            Assert.True(feelings > 0 && reply > feelings && reply < analysisHeading, "the reply follows the comment, in the feelings thread");
        }
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ReplyAdded));
        Assert.Equal((people.Author.Id, id, people.Author.Id, "Feelings"), (entry.ActorId, entry.SubjectId, entry.OwnerId, entry.Detail));
        var stored = await Factory.WithDbAsync(db => db.CommentReplies.SingleAsync());
        Assert.DoesNotContain("shaken", stored.ProtectedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains("shaken", StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Email.Sent, m => m.ToString()!.Contains("shaken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_are_refused_to_anyone_but_the_author_and_their_threads_hidden_from_them()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings)]);
        await (await Factory.SignedInAsync(people.Author.Email!)).PostFormAsync(Url(id), Url(id) + "/replies", [Field("Replies[feelings]", Reply)]);

        foreach (var outsider in new[] { people.OtherLearner, people.OtherSupervisor, people.Former, people.Commissioner })
        {
            var client = await Factory.SignedInAsync(outsider.Email!);
            var response = await client.GetAsync(Url(id));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outsider.Email} GET: {(int)response.StatusCode}");
            var token = Browser.AntiforgeryToken(await client.GetPageAsync("/account"));
            foreach (var path in new[] { "/replies", "/replies/autosave", "/review/autosave" })
            {
                var post = await client.PostWithTokenAsync(Url(id) + path, token, [Field("DraftVersion", "0"), Field("Replies[feelings]", "Forged"), Field("Comments[feelings]", "Forged")]);
                Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{outsider.Email} POST {path}: {(int)post.StatusCode}");
            }
        }
        var supervisor = await Factory.SignedInAsync(people.Supervisor.Email!);
        var supervisorToken = Browser.AntiforgeryToken(await supervisor.GetPageAsync(Url(id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostWithTokenAsync(Url(id) + "/replies", supervisorToken, [Field("Replies[feelings]", "Forged")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostWithTokenAsync(Url(id) + "/replies/autosave", supervisorToken, [Field("DraftVersion", "0"), Field("Replies[feelings]", "Forged")])).StatusCode);
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var authorToken = Browser.AntiforgeryToken(await author.GetPageAsync(Url(id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostWithTokenAsync(Url(id) + "/review/autosave", authorToken, [Field("DraftVersion", "0"), Field("Comments[feelings]", "Forged")])).StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.CommentReplies.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.FormDrafts.CountAsync(d => d.ProtectedText != "")));
    }

    [Fact]
    public async Task Reply_drafts_autosave_come_back_on_reopening_a_stale_one_is_refused_with_409_and_sending_clears_them()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings)]);
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var token = Browser.FormToken(await author.GetPageAsync(Url(id)), Url(id), Url(id) + "/replies");

        var saved = await author.PostWithTokenAsync(Url(id) + "/replies/autosave", token, [Field("DraftVersion", "0"), Field("Replies[feelings]", "A reply taking shape")]);
        var stale = await author.PostWithTokenAsync(Url(id) + "/replies/autosave", token, [Field("DraftVersion", "0"), Field("Replies[feelings]", "From my phone")]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var reopened = await (await Factory.SignedInAsync(people.Author.Email!)).GetPageAsync(Url(id));
        Assert.Contains("A reply taking shape</textarea>", reopened);
        Assert.DoesNotContain("A reply taking shape", await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Url(id)));

        var sent = await author.PostFormAsync(Url(id), Url(id) + "/replies", [Field("Replies[feelings]", "A reply taking shape")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await author.GetPageAsync(Url(id));
        Assert.DoesNotContain("A reply taking shape</textarea>", after);
        Assert.Contains("A reply taking shape", after); // in the thread now
    }

    [Fact]
    public async Task A_reply_that_breaks_the_comment_rules_is_refused_with_its_text_kept()
    {
        var people = await PeopleAsync();
        var id = await SharedLogAsync(people);
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).PostFormAsync(Url(id), Url(id) + "/comments", [Field("Comments[feelings]", Feelings)]);
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var tooLong = new string('r', CommentText.MaxLength) + " the last words";

        var refused = await author.PostFormAsync(Url(id), Url(id) + "/replies", [Field("Replies[feelings]", tooLong)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("5,000 characters or fewer", page);
        Assert.Contains("the last words</textarea>", page);
        Assert.Contains("href=\"#reply-feelings\"", page);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CommentReplies.CountAsync()));
    }

    // Helpers

    private static string Url(Guid id) => $"/reflections/{id}";

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static string FormHolding(string page, string marker)
    {
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0, $"no {marker}");
        var start = page.LastIndexOf("<form", at, StringComparison.Ordinal);
        var end = page.IndexOf("</form>", at, StringComparison.Ordinal);
        return page[start..end];
    }

    /// <summary>A log written by the author and shared with their supervisor: version 3.</summary>
    private async Task<Guid> SharedLogAsync(People people)
    {
        var author = await Factory.SignedInAsync(people.Author.Email!);
        var started = await author.PostFormAsync("/reflections", "/reflections/new", []);
        var id = Guid.Parse(started.Headers.Location!.OriginalString["/reflections/".Length..]);
        var saved = await author.PostFormAsync(Url(id), Url(id),
        [
            Field("Version", "1"), Field("Title", "A visit"), Field("Description", "We met at the family centre."), Field("Feelings", "Unsettled."),
            Field("Evaluation", ""), Field("Analysis", "A pattern of missed visits."), Field("Conclusion", ""), Field("ActionPlan", ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shared = await author.PostFormAsync(Url(id) + "/share", Url(id) + "/share", [Field("Version", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        return id;
    }
}

public sealed class StageCommentsAndRepliesTestsOnSqlite(SqliteAppFactory factory) : StageCommentsAndRepliesTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class StageCommentsAndRepliesTestsOnPostgres(PostgresAppFactory factory) : StageCommentsAndRepliesTests(factory), IClassFixture<PostgresAppFactory>;
