using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>
/// The end of a module. Before completion, "Finish the module": what is still to do, or the button that
/// records the completion. Once recorded, the "Module completed" panel and the completion's details.
/// </summary>
public sealed class CompletionPage : AppPage
{
    private readonly string _moduleId;

    private CompletionPage(BrowserSession session, string moduleId) : base(session) => _moduleId = moduleId;

    /// <summary>What is still to do, or the sentence saying nothing is.</summary>
    public ILocator Outstanding => Page.Locator("main #outstanding");

    public ILocator RecordButton => Page.GetByRole(AriaRole.Button, new() { Name = "Record my completion", Exact = true });

    /// <summary>The green confirmation panel, once the completion is recorded.</summary>
    public ILocator ScenarioResults => Page.Locator("main #scenario-results");

    public ILocator Panel => Page.Locator("main .govuk-panel--confirmation");

    /// <summary>A detail of the recorded completion: "Completed on", "Version", "Score", "Time spent", "CPD hours".</summary>
    public ILocator Detail(string key) => SummaryValue(key);

    /// <summary>The page before the completion is recorded, headed "Finish the module".</summary>
    public static async Task<CompletionPage> ArriveAsync(BrowserSession session, string moduleId)
    {
        await session.ArriveAsync($"modules/{moduleId}/completion", "Finish the module");
        return new CompletionPage(session, moduleId);
    }

    /// <summary>The page once the completion is recorded, headed "Module completed" in its panel.</summary>
    public static async Task<CompletionPage> ArriveRecordedAsync(BrowserSession session, string moduleId)
    {
        await session.ArriveAsync($"modules/{moduleId}/completion", "Module completed");
        return new CompletionPage(session, moduleId);
    }

    /// <summary>Tabs to "Record my completion" and presses Enter.</summary>
    public async Task<CompletionPage> RecordWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(Page, RecordButton);
        return await ArriveRecordedAsync(Session, _moduleId);
    }
}
