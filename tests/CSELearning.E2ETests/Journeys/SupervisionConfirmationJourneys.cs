using System.Text.Json;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Supervision;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.KeptDrafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// What needs each person, and the steps that cannot be undone: a supervisor signs a record after seeing what
/// signing locks; their supervisee finds it among their notifications (read and unread), looks at their email
/// preferences, is stopped from acknowledging with a comment typed and not added (the comment kept), adds it, and
/// acknowledges after seeing what acknowledging locks. And text kept from a form sent after a session ended is
/// shown with its buttons lined up, at a desktop width and a phone's.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class SupervisionConfirmationJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string Comment = "The debrief is booked for Thursday with the team's clinical lead.";

    [Fact]
    public async Task A_supervisor_signs_after_confirming_and_the_supervisee_is_told_and_acknowledges_after_confirming()
    {
        var (learner, supervisor) = await TestAccounts.CreateSupervisionAsync(Fixture.App.Services, "Rowan Price", "Imani Cole");
        var id = await DraftRecordAsync(learner, supervisor);

        await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(supervisor);
        var record = await SupervisionRecordPage.OpenAsync(Session, id);
        var sign = await record.SignAsync();
        await Expect(sign.Main).ToContainTextAsync("the notes: who attended, discussion, wellbeing and support, decisions");
        await Expect(sign.Main).ToContainTextAsync("1 action, and 0 reflective logs discussed");
        await Session.CaptureAtBothWidthsAsync("supervision-sign-confirmation");
        record = await sign.ConfirmAsync();
        await Expect(record.SuccessBanner).ToHaveTextAsync("Record signed: your supervisee can now acknowledge it");

        await using var elsewhere = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        await (await SignInPage.OpenAsync(elsewhere)).SignInWithKeyboardAsync(learner);
        await EarlierNotificationsAsync(learner);
        var notifications = await NotificationsPage.OpenAsync(elsewhere);
        await Expect(notifications.Items).ToHaveCountAsync(3);
        await Expect(notifications.Unread).ToHaveCountAsync(2);
        await elsewhere.CaptureAtBothWidthsAsync("notifications");
        var preferences = await notifications.OpenPreferencesAsync();
        await Expect(preferences.Choices).ToHaveCountAsync(Enum.GetValues<NotificationKind>().Length);
        await elsewhere.CaptureAtBothWidthsAsync("notification-preferences");

        // A comment typed and not added is not dropped by pressing Acknowledge, nor added without being asked.
        var theirs = await SupervisionRecordPage.OpenAsync(elsewhere, id);
        await theirs.CommentField.FillAsync(Comment);
        theirs = await theirs.AcknowledgeExpectingErrorsAsync();
        await Expect(theirs.Errors.Link("Your comment has not been added. Add it, or clear it, before you acknowledge the record: nothing was acknowledged.")).ToBeVisibleAsync();
        await Expect(theirs.CommentField).ToHaveValueAsync(Comment);
        theirs = await theirs.AddCommentAsync();
        await Expect(theirs.SuccessBanner).ToHaveTextAsync("Your comment has been added");

        var acknowledge = await theirs.AcknowledgeAsync();
        await Expect(acknowledge.Main).ToContainTextAsync("your comments: the 1 you have added");
        await Expect(acknowledge.Main).ToContainTextAsync("You will not be able to add a comment to the record after acknowledging it");
        await elsewhere.CaptureAtBothWidthsAsync("supervision-acknowledge-confirmation");
        theirs = await acknowledge.ConfirmAsync();
        await Expect(theirs.SuccessBanner).ToHaveTextAsync("Record acknowledged: it is now signed by you both and locked");
        await Expect(theirs.CommentField).ToHaveCountAsync(0);
        elsewhere.AssertCleanEnding();
    }

    [Fact]
    public async Task Kept_text_is_shown_with_its_buttons_lined_up_at_both_widths()
    {
        var learner = await TestAccounts.CreateLearnerAsync(Fixture.App.Services, "Dara Quinn");
        await KeepTextAsync(learner);
        await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(learner);

        var kept = await KeptDraftsPage.OpenAsync(Session);
        await Expect(kept.Main).ToContainTextAsync("The call came in just after ten");
        await Session.CaptureAtBothWidthsAsync("kept-drafts-with-text");
        foreach (var width in (int[])[1280, 375])
        {
            await Session.Page.SetViewportSizeAsync(width, 900);
            var back = (await kept.GoBackButton.BoundingBoxAsync())!;
            var discard = (await kept.DiscardButton.BoundingBoxAsync())!;
            // Side by side on one line from a tablet up; on a phone, one above the other and equally wide.
            if (width == 1280) Assert.Equal(back.Y, discard.Y, 1.0);
            else Assert.Equal((back.X, back.Width), (discard.X, discard.Width));
        }
    }

    // A draft record with every part written and one action, as the supervisor left it after the session.
    private async Task<Guid> DraftRecordAsync(Account learner, Account supervisor)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ITextProtector>();
        var learnerId = await IdOfAsync(db, learner);
        var supervisorId = await IdOfAsync(db, supervisor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var notes = new SessionNotes(
            $"{supervisor.Name} (supervisor), {learner.Name} (youth worker)",
            "",
            "We talked through the missing-episode return interview and what the young person did not say.",
            "Tired after a difficult week. Agreed a debrief and a lighter caseload for a fortnight.",
            "Raise the pattern of missing episodes at the next strategy meeting.");
        var record = SupervisionRecord.Start(supervisorId, learnerId, [],
            new SessionDetails(today, today.AddDays(28), notes, [], [new ActionDraft(null, null, "Book the debrief", ActionOwner.Supervisee, today.AddDays(7), ActionStatus.Open)]),
            protector, DateTime.UtcNow);
        db.SupervisionRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    // Two notifications from before: a refresh reminder already read, and a returned log not yet read.
    private async Task EarlierNotificationsAsync(Account learner)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var learnerId = await IdOfAsync(db, learner);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var refresh = new Notification(learnerId, NotificationKind.RefreshDueSoon, "recognising-cse", today.AddDays(21),
            "Your refresh of Recognising child sexual exploitation is due by " + today.AddDays(21).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), "/my-learning", now.AddDays(-3));
        refresh.MarkRead(now.AddDays(-2));
        db.Notifications.Add(refresh);
        db.Notifications.Add(new Notification(learnerId, NotificationKind.RevisionRequested, Guid.NewGuid().ToString("D"), today.AddDays(-1),
            "Your supervisor asked for changes to a reflective log", "/reflections", now.AddDays(-1)));
        await db.SaveChangesAsync();
    }

    // What a learner had typed into a reflective log when their session ended, kept for them.
    private async Task KeepTextAsync(Account learner)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ITextProtector>();
        var learnerId = await IdOfAsync(db, learner);
        List<KeepTypedText.Field> fields =
        [
            new("Title", "A late call about a missing young person"),
            new("Stages[description]", "The call came in just after ten. The young person had been missing since the afternoon."),
        ];
        var now = DateTime.UtcNow;
        db.KeptDrafts.Add(new KeptDraft(learnerId, "/reflections/new", "/reflections", protector.Protect(JsonSerializer.Serialize(fields)), now, now + KeepTypedText.KeepFor));
        await db.SaveChangesAsync();
    }

    private static Task<Guid> IdOfAsync(AppDbContext db, Account account) =>
        db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync();
}
