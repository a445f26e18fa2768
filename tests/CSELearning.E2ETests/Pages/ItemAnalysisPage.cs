using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>Item analysis: a module's questions and scenario choices, with their figures, for content reviewers.</summary>
public sealed class ItemAnalysisPage : AppPage
{
    private ItemAnalysisPage(BrowserSession session) : base(session) { }

    public ILocator Module => Page.GetByLabel("Module", new() { Exact = true });

    public ILocator Tables => Page.Locator("main table");

    public async Task<ItemAnalysisPage> ShowAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show figures", Exact = true }).ClickAsync();
        return await ArriveAsync(Session);
    }

    public static async Task<ItemAnalysisPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(@"item-analysis(\?.*)?", "Item analysis");
        return new ItemAnalysisPage(session);
    }
}
