using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>
/// The result of one attempt at a knowledge check: passed or not yet, the score against the pass mark, the
/// way on (Continue) or back (Try again), and every option of every question explained.
/// </summary>
public sealed class AttemptPage : AppPage
{
    private readonly string _moduleId;
    private readonly string _checkId;

    private AttemptPage(BrowserSession session, string moduleId, string checkId) : base(session) =>
        (_moduleId, _checkId) = (moduleId, checkId);

    /// <summary>"You answered 3 of 4 questions correctly (75%). The pass mark is 75%.", in a panel or an inset.</summary>
    public ILocator Score => Page.Locator("main").GetByText(new Regex(@"^You answered \d+ of \d+ questions correctly"));

    /// <summary>Before a pass: the links to where each question answered wrongly is taught ("Read again: ...").</summary>
    public ILocator ReadAgainLinks => Page.Locator("main .govuk-summary-list").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Read again: ") });

    /// <summary>After a pass: each question under "Your answers, explained", headed with its number, text and "Correct" or "Not correct".</summary>
    public ILocator Reviews => Page.Locator("main .app-answer-review");

    /// <summary>Every option of every question, each with its explanation.</summary>
    public ILocator ExplainedOptions => Page.Locator("main .app-answer-option");

    public ILocator TryAgainLink => Page.GetByRole(AriaRole.Link, new() { Name = "Try again", Exact = true });

    /// <summary>After a pass, the link on to the next section ("Continue", with its title for screen readers).</summary>
    public ILocator ContinueLink => Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Continue") });

    public static async Task<AttemptPage> ArriveAsync(BrowserSession session, string moduleId, string checkId, int number, bool passed)
    {
        await session.ArriveAsync($"modules/{moduleId}/{checkId}/attempts/{number}", $"Attempt {number}: {(passed ? "passed" : "not passed yet")}");
        return new AttemptPage(session, moduleId, checkId);
    }

    /// <summary>Tabs to "Try again" and follows it, back to the check's form.</summary>
    public async Task<CheckPage> TryAgainWithKeyboardAsync(string title)
    {
        await KeyboardUser.ActivateAsync(Page, TryAgainLink);
        return await CheckPage.ArriveAsync(Session, _moduleId, _checkId, title);
    }

    /// <summary>After a pass: tabs to Continue and follows it, to the next teaching page or reflection.</summary>
    public async Task<ModuleSectionPage> ContinueWithKeyboardAsync(string sectionId, string title)
    {
        await Expect(ContinueLink).ToHaveAttributeAsync("href", $"/modules/{_moduleId}/{sectionId}");
        await KeyboardUser.ActivateAsync(Page, ContinueLink);
        return await ModuleSectionPage.ArriveAsync(Session, _moduleId, sectionId, title);
    }
}
