using CSELearning.E2ETests.Infrastructure;

namespace CSELearning.E2ETests.Pages;

public sealed class SignedOutPage : AppPage
{
    private SignedOutPage(BrowserSession session) : base(session) { }

    public static async Task<SignedOutPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("account/signed-out", "You have signed out");
        return new SignedOutPage(session);
    }

    public async Task<SignInPage> SignInAgainAsync()
    {
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        return await SignInPage.ArriveAsync(Session);
    }
}
