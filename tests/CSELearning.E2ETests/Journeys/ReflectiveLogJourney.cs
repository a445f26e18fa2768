using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Reflections;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// A learner writes a reflective log, which the site keeps as they type; the identifying-detail check stops
/// them sharing it until they confirm the postcode in it identifies no one; their supervisor, on another
/// device, finds it in the caseload, comments on a stage and signs it off; the learner reads the comment in
/// the log, now locked.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class ReflectiveLogJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string Title = "Talking with a young person after a missed session";
    private const string Description =
        "A young person I support missed our session and was seen later that evening near a takeaway by LS1 4AP, with two older men.";
    private const string Feelings = "Worried, and unsure whether I had done enough to keep in touch with her.";
    private const string Analysis = "Older men, gifts and missed sessions together fit the signs of grooming the module describes.";
    private const string ActionPlan = "Share my concerns with the duty social worker and ask my supervisor about a safety plan.";
    private const string Postcode = "LS1 4AP";
    private const string Comment = "You were right to be worried: you noticed what mattered. We will talk about what support you need.";

    [Fact]
    public async Task Words_typed_just_before_the_tab_is_closed_are_kept()
    {
        var (learner, _) = await TestAccounts.CreateSupervisionAsync(Fixture.App.Services, "Kit Osei", "Mel Hartley");
        var home = await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(learner);
        var editor = await (await home.Navigation.OpenReflectiveLogsWithKeyboardAsync()).StartLogWithKeyboardAsync();
        const string words = "Written a moment before the tab was closed.";

        // Closed at once, long before the pause after which the autosave would run: the page saves as it goes.
        await editor.WriteWithKeyboardAsync(editor.Stage("Feelings"), words);
        await Session.CloseTabAndOpenAnotherAsync(asAPersonDoes: true);

        // The save is sent as the tab closes and may land a moment later: look again until it has.
        for (var attempt = 0; ; attempt++)
        {
            await Session.Page.GotoAsync($"/reflections/{editor.Id}");
            editor = await LogEditorPage.ArriveAsync(Session, "Untitled reflective log", editor.Id);
            if (await editor.ServedValueAsync("Feelings") == words || attempt == 20) break;
            await Task.Delay(250);
        }
        Assert.Equal(words, await editor.ServedValueAsync("Feelings"));
    }

    [Fact]
    public async Task A_learner_writes_a_log_shares_it_after_the_check_and_reads_the_comment_once_their_supervisor_signs_it_off()
    {
        // A learner and supervisor of their own: the shared supervisor's caseload stays as other journeys expect.
        var (learner, supervisor) = await TestAccounts.CreateSupervisionAsync(Fixture.App.Services, "Robin Achebe", "Dana Whitfield");
        var home = await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(learner);

        var logs = await home.Navigation.OpenReflectiveLogsWithKeyboardAsync();
        await Expect(logs.Logs).ToHaveCountAsync(0);
        var editor = await logs.StartLogWithKeyboardAsync();
        await Expect(editor.Status).ToHaveTextAsync("Draft");
        await Expect(editor.AutosaveStatus).ToHaveTextAsync("Your log is saved as you write, and whenever you press Save.");

        // The learner writes, and stops: a few seconds later the autosave says when it saved.
        await editor.WriteWithKeyboardAsync(editor.TitleField, Title);
        await editor.WriteWithKeyboardAsync(editor.Stage("Description"), Description);
        await editor.WriteWithKeyboardAsync(editor.Stage("Feelings"), Feelings);
        await editor.WriteWithKeyboardAsync(editor.Stage("Analysis"), Analysis);
        await editor.WriteWithKeyboardAsync(editor.Stage("Action plan"), ActionPlan);
        await editor.ExpectAutosavedAsync();

        // Reloaded without pressing Save, the page comes from the server headed with the new title, and with the
        // text in its fields as the server sent them (not as the browser may have restored them).
        editor = await editor.ReloadAsync(Title);
        Assert.Equal(Title, await editor.ServedValueAsync("Title"));
        Assert.Equal(Description, await editor.ServedValueAsync("Description"));
        Assert.Equal(Feelings, await editor.ServedValueAsync("Feelings"));
        Assert.Equal("", await editor.ServedValueAsync("Evaluation"));
        Assert.Equal(Analysis, await editor.ServedValueAsync("Analysis"));
        Assert.Equal(ActionPlan, await editor.ServedValueAsync("Action plan"));

        editor = await editor.SaveWithKeyboardAsync(Title);
        await Expect(editor.SuccessBanner).ToHaveTextAsync("Your log has been saved");
        await Expect(editor.Stage("Description")).ToHaveValueAsync(Description);

        // The check marks the postcode where it is, in the description, and will not share until it is confirmed.
        var check = await editor.CheckAndShareWithKeyboardAsync();
        await Expect(check.Details).ToHaveCountAsync(1);
        await Expect(check.Detail(1)).ToHaveTextAsync($"{Postcode} (detail 1)");
        await Expect(check.PartHoldingDetail(1)).ToHaveTextAsync("Description");
        await Expect(check.Confirmations).ToHaveCountAsync(1);
        await Expect(check.Confirmation(1)).ToHaveAccessibleNameAsync(new Regex($"^Detail 1, \"{Postcode}\" \\(A UK postcode.*\\), does not identify a child or family$"));
        await Expect(check.Confirmation(1)).Not.ToBeCheckedAsync();

        check = await check.ShareExpectingErrorsWithKeyboardAsync();
        await Expect(Session.Page).ToHaveTitleAsync(new Regex("^Error: Check your log before sharing it"));
        await Expect(check.Errors.Title).ToHaveTextAsync("There is a problem");
        await Expect(check.Errors.Links).ToHaveTextAsync(["For each detail below, remove it from the log or confirm that it does not identify a child or family"]);
        await Expect(check.ConfirmationError(1)).ToHaveTextAsync("Error: Not confirmed yet");

        // The error summary takes the focus; its link takes the learner to the detail's checkbox, ticked with Space.
        await Expect(check.Errors.Root).ToBeFocusedAsync();
        await KeyboardUser.ActivateAsync(Session.Page, check.Errors.Links.First);
        await Expect(check.Confirmation(1)).ToBeFocusedAsync();
        await Session.Page.Keyboard.PressAsync("Space");
        await Expect(check.Confirmation(1)).ToBeCheckedAsync();

        // Shared: the author can no longer change it while it awaits review.
        var shared = await check.ShareWithKeyboardAsync();
        await Expect(shared.SuccessBanner).ToHaveTextAsync("Shared with your supervisor");
        await Expect(shared.Status).ToHaveTextAsync("Awaiting review");
        await Expect(shared.AwaitingNotice).ToBeVisibleAsync();
        await Expect(shared.Fields).ToHaveCountAsync(0);

        await ReviewOnAnotherDeviceAsync(supervisor, learner);

        // Back with the learner: the log is signed off and locked, with the supervisor's comment on Feelings.
        logs = await shared.Navigation.OpenReflectiveLogsWithKeyboardAsync();
        await Expect(logs.Log(Title)).ToContainTextAsync("Signed off");
        var signedOff = await logs.OpenSignedOffLogAsync(Title);
        await Expect(signedOff.Status).ToHaveTextAsync("Signed off");
        await Expect(signedOff.LockedNotice).ToContainTextAsync("The log is locked; only a supervisor can reopen it.");
        await Expect(signedOff.Fields).ToHaveCountAsync(0);
        await Expect(signedOff.StageHeadings).ToHaveTextAsync(["Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]);
        await Expect(signedOff.Log).ToContainTextAsync(Description);
        await Expect(signedOff.Comments).ToHaveCountAsync(1);
        await Expect(signedOff.CommentsOn("Feelings")).ToContainTextAsync(supervisor.Name);
        await Expect(signedOff.CommentsOn("Feelings")).ToContainTextAsync(Comment);
    }

    /// <summary>
    /// The supervisor, in a browser of their own: the log is in the caseload awaiting review; they comment on
    /// Feelings, then sign the log off, which takes away the comment forms.
    /// </summary>
    private async Task ReviewOnAnotherDeviceAsync(Account supervisor, Account learner)
    {
        await using var elsewhere = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        var home = await (await SignInPage.OpenAsync(elsewhere)).SignInWithKeyboardAsync(supervisor);

        var caseload = await home.Navigation.OpenCaseloadWithKeyboardAsync();
        await Expect(caseload.AwaitingReview.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(caseload.AwaitingLog(Title).GetByRole(AriaRole.Cell).First).ToHaveTextAsync(learner.Name);
        await Expect(caseload.Supervisee(learner.Name).Nth(1)).ToHaveTextAsync("1"); // awaiting review
        await Expect(caseload.Supervisee(learner.Name).Nth(2)).ToHaveTextAsync("0"); // signed off

        var review = await caseload.OpenLogAsync(Title, learner.Name);
        await Expect(review.Status).ToHaveTextAsync("Awaiting review");
        await Expect(review.Log).ToContainTextAsync(Description);
        await Expect(review.Comments).ToHaveCountAsync(0);

        review = await review.CommentAsync("Feelings", Comment);
        await Expect(review.SuccessBanner).ToHaveTextAsync("Comment added");
        await Expect(review.CommentsOn("Feelings")).ToContainTextAsync(Comment);

        review = await review.SignOffAsync();
        await Expect(review.SuccessBanner).ToHaveTextAsync("Log signed off: it is now locked");
        await Expect(review.Status).ToHaveTextAsync("Signed off");
        await Expect(review.LockedNotice).ToBeVisibleAsync();
        await Expect(review.CommentField("Feelings")).ToHaveCountAsync(0);
        await Expect(review.SignOffButton).ToHaveCountAsync(0);
        await Expect(review.CommentsOn("Feelings")).ToContainTextAsync(Comment);

        elsewhere.AssertCleanEnding();
    }
}
