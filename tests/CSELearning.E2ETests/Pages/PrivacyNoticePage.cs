using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>The privacy notice, open to everyone: what is held, why, who sees it, for how long, and people's rights.</summary>
public sealed class PrivacyNoticePage : AppPage
{
    private PrivacyNoticePage(BrowserSession session) : base(session) { }

    public ILocator SectionHeadings => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });

    public static async Task<PrivacyNoticePage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("privacy", "Privacy notice");
        return new PrivacyNoticePage(session);
    }

    /// <summary>The link under "Your rights" to the page that downloads one's data (for someone signed in).</summary>
    public async Task<MyDataPage> OpenDownloadYourDataAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your account, Download your data", Exact = true }).ClickAsync();
        return await MyDataPage.ArriveAsync(Session);
    }
}
