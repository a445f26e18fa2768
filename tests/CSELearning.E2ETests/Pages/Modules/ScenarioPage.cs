using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>
/// A scenario at the learner's current step, as the server holds it: the feedback on the choice that led
/// here, the step's heading and story, and either the choices ("What do you do?") or, at an ending, what good
/// practice would have been, the way on to the next section, and playing again.
/// </summary>
public sealed class ScenarioPage : AppPage
{
    private readonly string _moduleId;
    private readonly string _scenarioId;
    private readonly string _title;

    private ScenarioPage(BrowserSession session, string moduleId, string scenarioId, string title) : base(session) =>
        (_moduleId, _scenarioId, _title) = (moduleId, scenarioId, title);

    /// <summary>The step the learner is at: its title, or "Ending: " and its title.</summary>
    public ILocator NodeHeading => Page.Locator("main h2#scenario-node");

    /// <summary>What the choice that led here meant; absent at the first step.</summary>
    public ILocator Feedback => Page.Locator("main .app-feedback");

    /// <summary>"You chose: " and the choice.</summary>
    public ILocator FeedbackHeading => Feedback.GetByRole(AriaRole.Heading);

    public ILocator ChoiceGroup => Page.GetByRole(AriaRole.Group, new() { Name = "What do you do?", Exact = true });

    public ILocator Choices => ChoiceGroup.GetByRole(AriaRole.Radio);

    public ILocator ContinueButton => Page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true });

    public ILocator GoBackButton => Page.GetByRole(AriaRole.Button, new() { Name = "Go back to your previous choice", Exact = true });

    // At an ending: how it turned out, what the run recorded, and the learner's route decision by decision.
    public ILocator Outcome => Page.Locator("main #ending-outcome");

    public ILocator RunResult => Page.Locator("main #run-result");

    public ILocator RouteDecisions => Page.Locator("main .govuk-summary-card");

    public ILocator GoodPracticeHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "What good practice would have been", Exact = true });

    /// <summary>At an ending, the link on to the next section ("Continue", with the section's title for screen readers).</summary>
    public ILocator ContinueLink => Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Continue") });

    public ILocator PlayAgainButton => Page.GetByRole(AriaRole.Button, new() { Name = "Play the scenario again from the start", Exact = true });

    public static async Task<ScenarioPage> ArriveAsync(BrowserSession session, string moduleId, string scenarioId, string title)
    {
        await session.ArriveAsync($"modules/{moduleId}/{scenarioId}", title);
        return new ScenarioPage(session, moduleId, scenarioId, title);
    }

    /// <summary>
    /// Tabs into the choices, selects the one whose label starts with <paramref name="label"/> with the arrow keys
    /// or Space, then tabs to Continue and presses Enter. By its words, as a learner would: the choices are shuffled.
    /// </summary>
    public async Task<ScenarioPage> ChooseWithKeyboardAsync(string label)
    {
        var labels = await ChoiceGroup.Locator("label").AllInnerTextsAsync();
        var position = labels.ToList().FindIndex(l => l.Trim().StartsWith(label, StringComparison.Ordinal)) + 1;
        Assert.True(position > 0, $"No choice starts '{label}': {string.Join(" | ", labels)}");
        await KeyboardUser.ChooseRadioAsync(Page, Choices, position);
        await KeyboardUser.ActivateAsync(Page, ContinueButton);
        return await ArriveAsync(Session, _moduleId, _scenarioId, _title);
    }

    /// <summary>Tabs to "Go back to your previous choice" and presses Enter.</summary>
    public async Task<ScenarioPage> GoBackWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(Page, GoBackButton);
        return await ArriveAsync(Session, _moduleId, _scenarioId, _title);
    }

    /// <summary>At an ending: tabs to Continue and follows it, to a knowledge check.</summary>
    public async Task<CheckPage> ContinueToCheckWithKeyboardAsync(string checkId, string title)
    {
        await Expect(ContinueLink).ToHaveAttributeAsync("href", $"/modules/{_moduleId}/{checkId}");
        await KeyboardUser.ActivateAsync(Page, ContinueLink);
        return await CheckPage.ArriveAsync(Session, _moduleId, checkId, title);
    }
}
