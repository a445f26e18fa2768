using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>"Your account": the signed-in person's own details.</summary>
public sealed class AccountPage : AppPage
{
    private AccountPage(BrowserSession session) : base(session) { }

    public static async Task<AccountPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("account", "Your account");
        return new AccountPage(session);
    }

    /// <summary>The value beside <paramref name="key"/> in the summary list, such as "Email address".</summary>
    public ILocator Detail(string key) => SummaryValue(key);

    public async Task<MyDataPage> DownloadYourDataAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Download everything we hold about you" }).ClickAsync();
        return await MyDataPage.ArriveAsync(Session);
    }

    public async Task<ChangePasswordPage> ChangeYourPasswordAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).ClickAsync();
        return await ChangePasswordPage.ArriveAsync(Session);
    }
}
