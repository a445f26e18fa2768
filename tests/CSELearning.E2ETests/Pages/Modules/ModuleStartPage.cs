using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>A module's start page: the content warning, what it covers, support, and its pages.</summary>
public sealed class ModuleStartPage : AppPage
{
    private readonly string _id;

    private ModuleStartPage(BrowserSession session, string id) : base(session) => _id = id;

    public ILocator ContentWarning => Page.Locator(".app-content-warning");

    public ILocator Contents => Page.Locator("main ol").GetByRole(AriaRole.Link);

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
}
