using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>
/// A module's start page: its status, the content warning, what it covers, support, the button that starts
/// it (or the link back to where the learner left off), and its contents.
/// </summary>
public sealed class ModuleStartPage : AppPage
{
    private readonly string _id;

    private ModuleStartPage(BrowserSession session, string id) : base(session) => _id = id;

    /// <summary>The tag under the title: "Not started", "In progress", "Completed".</summary>
    public ILocator Status => Page.Locator("#module-status");

    public ILocator ContentWarning => Page.Locator(".app-content-warning");

    /// <summary>Every section, then "Finish the module".</summary>
    public ILocator Contents => Page.Locator("main ol.app-module-contents").GetByRole(AriaRole.Link);

    public ILocator StartButton => Page.GetByRole(AriaRole.Button, new() { Name = "Start the module", Exact = true });

    public ILocator ContinueLink => Page.GetByRole(AriaRole.Link, new() { Name = "Continue where you left off", Exact = true });

    public static async Task<ModuleStartPage> ArriveAsync(BrowserSession session, string id, string title)
    {
        await session.ArriveAsync($"modules/{id}", title);
        return new ModuleStartPage(session, id);
    }

    public async Task<ModuleSectionPage> OpenPageAsync(string sectionId, string title)
    {
        await Contents.Filter(new() { HasText = title }).ClickAsync();
        return await ModuleSectionPage.ArriveAsync(Session, _id, sectionId, title);
    }

    /// <summary>Tabs to "Start the module" and presses Enter: the module starts at its first section.</summary>
    public async Task<ModuleSectionPage> StartWithKeyboardAsync(string firstSectionId, string title)
    {
        await KeyboardUser.ActivateAsync(Page, StartButton);
        return await ModuleSectionPage.ArriveAsync(Session, _id, firstSectionId, title);
    }

    /// <summary>Tabs to "Continue where you left off" and follows it, expecting to be taken back into a scenario.</summary>
    public async Task<ScenarioPage> ContinueInScenarioWithKeyboardAsync(string scenarioId, string title)
    {
        await KeyboardUser.ActivateAsync(Page, ContinueLink);
        return await ScenarioPage.ArriveAsync(Session, _id, scenarioId, title);
    }
}
