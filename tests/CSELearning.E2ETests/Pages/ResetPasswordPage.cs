using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>"Choose a new password": reached from the link in a reset email.</summary>
public sealed class ResetPasswordPage : AppPage
{
    private ResetPasswordPage(BrowserSession session) : base(session) { }

    public ILocator NewPasswordField => Page.GetByLabel("New password", new() { Exact = true });

    public ILocator ConfirmPasswordField => Page.GetByLabel("Confirm new password", new() { Exact = true });

    public static async Task<ResetPasswordPage> OpenFromEmailAsync(BrowserSession session, Uri link)
    {
        await session.Page.GotoAsync(link.ToString());
        return await ArriveAsync(session);
    }

    public static async Task<ResetPasswordPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(@"account/reset-password(\?.*)?", "Choose a new password");
        return new ResetPasswordPage(session);
    }

    /// <summary>Saves the new password; the site sends the person to sign in with it.</summary>
    public async Task<SignInPage> SaveAsync(string password)
    {
        await SubmitAsync(password);
        return await SignInPage.ArriveAsync(Session);
    }

    public async Task<ResetPasswordPage> SaveExpectingErrorsAsync(string password)
    {
        await SubmitAsync(password);
        return await ArriveAsync(Session);
    }

    private async Task SubmitAsync(string password)
    {
        await NewPasswordField.FillAsync(password);
        await ConfirmPasswordField.FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save password", Exact = true }).ClickAsync();
    }
}
