using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>"Reset your password": asks for the address to send a reset link to.</summary>
public sealed class ForgotPasswordPage : AppPage
{
    public const string Path = "account/forgot-password";

    private ForgotPasswordPage(BrowserSession session) : base(session) { }

    public ILocator EmailField => Page.GetByLabel("Email address", new() { Exact = true });

    public static async Task<ForgotPasswordPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(Path, "Reset your password");
        return new ForgotPasswordPage(session);
    }

    public async Task<CheckYourEmailPage> AskForLinkAsync(string email)
    {
        await EmailField.FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the link", Exact = true }).ClickAsync();
        return await CheckYourEmailPage.ArriveAsync(Session);
    }
}
