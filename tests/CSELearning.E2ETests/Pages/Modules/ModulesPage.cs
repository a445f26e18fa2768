using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>The catalogue: the modules written for the signed-in person's job role.</summary>
public sealed class ModulesPage : AppPage
{
    private ModulesPage(BrowserSession session) : base(session) { }

    public ILocator ModuleLinks => Page.Locator("main h2").GetByRole(AriaRole.Link);

    public static async Task<ModulesPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("modules", "Modules");
        return new ModulesPage(session);
    }

    public async Task<ModuleStartPage> OpenModuleAsync(string id, string title)
    {
        await ModuleLink(title).ClickAsync();
        return await ModuleStartPage.ArriveAsync(Session, id, title);
    }

    /// <summary>Tabs to the module's link and follows it with Enter.</summary>
    public async Task<ModuleStartPage> OpenModuleWithKeyboardAsync(string id, string title)
    {
        await KeyboardUser.ActivateAsync(Page, ModuleLink(title));
        return await ModuleStartPage.ArriveAsync(Session, id, title);
    }

    private ILocator ModuleLink(string title) => ModuleLinks.Filter(new() { HasText = title });
}
