using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.Tests.Shared;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Modules;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// A learner who uses no mouse takes the sample module from start to finish: the warning, the teaching pages,
/// the scenario (stopping halfway by closing the tab, and picking up where they were), the knowledge check
/// (failing once), the reflection, and the completion, which My learning then lists; then downloads the
/// certificate and checks it from a browser that is not signed in.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed partial class CompleteModuleJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string ModuleId = "recognising-exploitation";
    private const string ModuleTitle = "Recognising the signs of child sexual exploitation";
    private const string Kayla = "kayla";
    private const string KaylaTitle = "Scenario: Kayla comes back late";
    private const string CheckId = "check";
    private const string CheckTitle = "Check your understanding";

    [Fact]
    public async Task A_learner_completes_the_module_by_keyboard_and_resumes_the_scenario_after_closing_the_tab()
    {
        // A learner of their own: completing the module changes what the shared learner's pages show.
        var learner = await TestAccounts.CreateLearnerAsync(Fixture.App.Services, "Sam Okafor");
        var home = await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(learner);

        // The catalogue, the start page and its warning, and the teaching pages.
        var modules = await home.Navigation.OpenModulesWithKeyboardAsync();
        var start = await modules.OpenModuleWithKeyboardAsync(ModuleId, ModuleTitle);
        await Expect(start.Status).ToHaveTextAsync("Not started");
        await Expect(start.ContentWarning).ToContainTextAsync("This module is about the sexual abuse of children.");
        await Expect(start.ContentWarning).ToContainTextAsync("There are no descriptions of sexual acts.");
        await Expect(start.ContinueLink).ToHaveCountAsync(0);

        var page = await start.StartWithKeyboardAsync("what-exploitation-is", "What child sexual exploitation is");
        await Expect(page.PreviousLink).ToHaveAttributeAsync("href", $"/modules/{ModuleId}");
        page = await page.NextWithKeyboardAsync("signs-to-notice", "Signs to notice, and what they mean");

        // The scenario's first step, then the sanction, reached with the arrow keys.
        var scenario = await page.NextToScenarioWithKeyboardAsync(Kayla, KaylaTitle);
        await Expect(scenario.NodeHeading).ToHaveTextAsync("Two in the morning");
        await Expect(scenario.Feedback).ToHaveCountAsync(0);
        await Expect(scenario.GoBackButton).ToHaveCountAsync(0);
        scenario = await scenario.ChooseWithKeyboardAsync("Tell her that her phone will be taken away");
        await ExpectAfterTheSanctionAsync(scenario);

        // The learner closes the tab halfway through, then opens the site again: they are still signed in, and
        // "Continue where you left off" takes them back to the very step, with the feedback on their choice.
        await Session.CloseTabAndOpenAnotherAsync();
        await Session.Page.GotoAsync("/");
        home = await HomePage.ArriveAsync(Session, learner.Name);
        start = await (await home.Navigation.OpenModulesWithKeyboardAsync()).OpenModuleWithKeyboardAsync(ModuleId, ModuleTitle);
        await Expect(start.Status).ToHaveTextAsync("In progress");
        scenario = await start.ContinueInScenarioWithKeyboardAsync(Kayla, KaylaTitle);
        await ExpectAfterTheSanctionAsync(scenario);

        // Their place is kept by the site, not the browser: signed in on another device, it is the same.
        await ExpectTheSameStepOnAnotherDeviceAsync(learner);

        // They think again: back to the first step, and the recommended choice each time, to an ending.
        scenario = await scenario.GoBackWithKeyboardAsync();
        await Expect(scenario.NodeHeading).ToHaveTextAsync("Two in the morning");
        await Expect(scenario.Feedback).ToHaveCountAsync(0);
        scenario = await scenario.ChooseWithKeyboardAsync("Welcome her back");
        await Expect(scenario.NodeHeading).ToHaveTextAsync("The next afternoon");
        await Expect(scenario.FeedbackHeading).ToHaveTextAsync("You chose: Welcome her back, check she is safe and well, and offer her something warm before she sleeps");
        await Expect(scenario.Feedback).ToContainTextAsync("Recommended practice");
        scenario = await scenario.ChooseWithKeyboardAsync("Stay curious");
        await Expect(scenario.NodeHeading).ToHaveTextAsync("The meeting");
        scenario = await scenario.ChooseWithKeyboardAsync("Describe what you have seen and heard");
        await Expect(scenario.NodeHeading).ToHaveTextAsync("Ending: A plan around Kayla");
        await Expect(scenario.GoodPracticeHeading).ToBeVisibleAsync();
        await Expect(scenario.ChoiceGroup).ToHaveCountAsync(0);
        await Expect(scenario.PlayAgainButton).ToBeVisibleAsync();
        // The ending says how it turned out, and the learner reads their route beside the recommended one. The run
        // counts the sanction they first chose and went back on: two of three first decisions were recommended.
        await Expect(scenario.Outcome).ToHaveTextAsync("How this turned out: good outcome");
        await Expect(scenario.RunResult).ToContainTextAsync("You chose a recommended option at 2 of 3 decisions the first time you made them (66%).");
        await Expect(scenario.RouteDecisions).ToHaveCountAsync(3);
        await Expect(scenario.RouteDecisions.Nth(0)).ToContainTextAsync("Decision 1: Two in the morning");
        await Expect(scenario.RouteDecisions.Nth(0)).ToContainTextAsync("Recommended practice");
        await Expect(scenario.RouteDecisions.Nth(0)).ToContainTextAsync("Coming back is the moment a child decides whether this place is safe to talk in.");
        await Expect(scenario.RouteDecisions.Nth(2)).ToContainTextAsync("Decision 3: The meeting");
        await Expect(scenario.RouteDecisions.Nth(2)).ToContainTextAsync("Fewer than 5 people have made this decision so far");
        await Session.CaptureAtBothWidthsAsync("scenario-ending");

        // The knowledge check: two of four right is under the pass mark of 75%.
        var check = await scenario.ContinueToCheckWithKeyboardAsync(CheckId, CheckTitle);
        await Expect(check.Questions).ToHaveCountAsync(4);
        await Session.CaptureAtBothWidthsAsync("check");
        string[] questions = ["most-common-risk", "indicators", "cooperation", "victim-recognition"];
        var firstOrder = new List<string>();
        foreach (var question in questions) firstOrder.AddRange(await check.ShownKeysAsync(question));
        await check.AnswerWithKeyboardAsync("most-common-risk", 1);
        await check.AnswerWithKeyboardAsync("indicators", 1, 2);
        await check.AnswerWithKeyboardAsync("cooperation", 2);
        await check.AnswerWithKeyboardAsync("victim-recognition", 3);
        var attempt = await check.SubmitWithKeyboardAsync(1, expectPass: false);
        await Expect(attempt.Score).ToHaveTextAsync("You answered 2 of 4 questions correctly (50%). The pass mark is 75%.");
        // Not passed: where to read again for the two questions answered wrongly, and no answers.
        await Expect(attempt.ReadAgainLinks).ToHaveTextAsync([new Regex("^Read again: Signs to notice"), new Regex("^Read again: Signs to notice")]);
        await Expect(attempt.ExplainedOptions).ToHaveCountAsync(0);
        await Expect(attempt.ContinueLink).ToHaveCountAsync(0);
        await Session.CaptureAtBothWidthsAsync("check-failed");

        check = await attempt.TryAgainWithKeyboardAsync(CheckTitle);
        await Expect(check.EarlierAttempts).ToHaveTextAsync(["Attempt 1: 50%, not passed"]);
        await Expect(check.AttemptHeading).ToHaveTextAsync("Attempt 2");
        // A new attempt, a new order: the same options, not all where they were.
        var secondOrder = new List<string>();
        foreach (var question in questions) secondOrder.AddRange(await check.ShownKeysAsync(question));
        Assert.Equal(firstOrder.Order(), secondOrder.Order());
        Assert.NotEqual(firstOrder, secondOrder);
        await check.AnswerWithKeyboardAsync("most-common-risk", 2);
        await check.AnswerWithKeyboardAsync("indicators", 1, 3, 4);
        await check.AnswerWithKeyboardAsync("cooperation", 2);
        await check.AnswerWithKeyboardAsync("victim-recognition", 3);
        attempt = await check.SubmitWithKeyboardAsync(2, expectPass: true);
        await Expect(attempt.Score).ToHaveTextAsync("You answered 4 of 4 questions correctly (100%). The pass mark is 75%.");
        await Expect(attempt.Reviews).ToHaveCountAsync(4);
        await Expect(attempt.ExplainedOptions).ToHaveCountAsync(14); // passed: every option of every question
        await Session.CaptureAtBothWidthsAsync("check-passed");

        // The reflection, the last section, leads to "Finish the module".
        var reflection = await attempt.ContinueWithKeyboardAsync("reflection", "Reflect on your practice");
        await Expect(reflection.ReflectionPrompts).ToHaveCountAsync(2);
        var finish = await reflection.FinishWithKeyboardAsync();
        await Expect(finish.Outstanding).ToHaveTextAsync("You have reached an ending in every scenario and passed the knowledge check with 100%.");

        var completed = await finish.RecordWithKeyboardAsync();
        await Expect(completed.SuccessBanner).ToHaveTextAsync("Module completed: your completion has been recorded");
        await Expect(completed.Panel).ToContainTextAsync(ModuleTitle);
        await Expect(completed.Detail("Version")).ToHaveTextAsync("1.0.0");
        await Expect(completed.Detail("Score")).ToHaveTextAsync("100%");
        await Expect(completed.ScenarioResults).ToContainTextAsync("Recommended choice at 2 of 3 decisions (66%)");
        await Expect(completed.ScenarioResults).ToContainTextAsync("Played once");
        await Session.CaptureAtBothWidthsAsync("completion");

        // The success banner takes the focus, below the navigation: Shift+Tab goes back up to My learning.
        var myLearning = await completed.Navigation.OpenMyLearningWithKeyboardAsync(backwards: true);
        await Expect(myLearning.InProgress).ToHaveCountAsync(0);
        var row = myLearning.CompletedRow(ModuleTitle);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToContainTextAsync("Current");
        await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1.0.0");
        await Expect(row).ToContainTextAsync("100%");

        // The certificate: downloaded from My learning, it names the learner and the module, and the link
        // printed in it opens, in a browser that has never signed in, a page saying it is valid.
        await Expect(myLearning.CertificateRows(ModuleTitle)).ToHaveCountAsync(1);
        await Expect(myLearning.CertificateRows(ModuleTitle)).ToContainTextAsync("Valid");
        var download = await myLearning.DownloadCertificateAsync(ModuleTitle);
        Assert.Matches(@"^certificate-CSE-\d{4}-[A-Z0-9]{8}\.pdf$", download.SuggestedFilename);
        var pdf = new PdfFile(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains(learner.Name, pdf.Text);
        Assert.Contains(ModuleTitle, pdf.Text);
        var link = VerificationLink().Match(pdf.Text);
        Assert.True(link.Success, "No verification link in the certificate's text: " + pdf.Text);
        Assert.StartsWith(Fixture.App.Address.GetLeftPart(UriPartial.Authority) + "/verify/", link.Value);

        await using var visitor = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        var verified = await VerifyCertificatePage.OpenAsync(visitor, link.Value);
        await Expect(verified.Result).ToHaveTextAsync("Valid certificate");
        await Expect(verified.Detail("Learner")).ToHaveTextAsync(learner.Name);
        await Expect(verified.Detail("Module")).ToContainTextAsync(ModuleTitle);
        await Expect(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0); // no session of any kind
        visitor.AssertCleanEnding();
    }

    [GeneratedRegex(@"https?://\S+/verify/[A-Z0-9]{20}")]
    private static partial Regex VerificationLink();

    /// <summary>At the weekend, after choosing to take Kayla's phone away: the step, and the feedback on that choice.</summary>
    private static async Task ExpectAfterTheSanctionAsync(ScenarioPage scenario)
    {
        await Expect(scenario.NodeHeading).ToHaveTextAsync("The weekend");
        await Expect(scenario.FeedbackHeading).ToHaveTextAsync("You chose: Tell her that her phone will be taken away if she goes missing again");
        await Expect(scenario.Feedback).ToContainTextAsync("A sanction treats going missing as bad behaviour to be managed");
        await Expect(scenario.Choices).ToHaveCountAsync(2);
        await Expect(scenario.GoBackButton).ToBeVisibleAsync();
    }

    /// <summary>A second browser, with nothing of the first's: signed in, the learner continues at the same step.</summary>
    private async Task ExpectTheSameStepOnAnotherDeviceAsync(Account learner)
    {
        await using var elsewhere = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        var home = await (await SignInPage.OpenAsync(elsewhere)).SignInWithKeyboardAsync(learner);
        var start = await (await home.Navigation.OpenModulesWithKeyboardAsync()).OpenModuleWithKeyboardAsync(ModuleId, ModuleTitle);
        await ExpectAfterTheSanctionAsync(await start.ContinueInScenarioWithKeyboardAsync(Kayla, KaylaTitle));
        elsewhere.AssertCleanEnding();
    }
}
