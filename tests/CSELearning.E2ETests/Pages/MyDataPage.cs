using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>"Download your data": what the file holds, and the link that downloads it.</summary>
public sealed class MyDataPage : AppPage
{
    private MyDataPage(BrowserSession session) : base(session) { }

    public ILocator DownloadLink => Page.GetByRole(AriaRole.Link, new() { Name = "Download your data (ZIP)", Exact = true });

    public static async Task<MyDataPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("account/my-data", "Download your data");
        return new MyDataPage(session);
    }

    public async Task<PrivacyNoticePage> OpenPrivacyNoticeAsync()
    {
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "privacy notice", Exact = true }).ClickAsync();
        return await PrivacyNoticePage.ArriveAsync(Session);
    }
}
