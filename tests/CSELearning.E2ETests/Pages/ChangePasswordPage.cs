using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

public sealed class ChangePasswordPage : AppPage
{
    private const string Path = "account/change-password";

    private ChangePasswordPage(BrowserSession session) : base(session) { }

    public ILocator CurrentPasswordField => Page.GetByLabel("Current password", new() { Exact = true });

    public ILocator NewPasswordField => Page.GetByLabel("New password", new() { Exact = true });

    public ILocator ConfirmPasswordField => Page.GetByLabel("Confirm new password", new() { Exact = true });

    public static async Task<ChangePasswordPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(Path, "Change your password");
        return new ChangePasswordPage(session);
    }

    /// <summary>Changes the password and lands back on the account page.</summary>
    public async Task<AccountPage> ChangeAsync(string current, string newPassword)
    {
        await SubmitAsync(current, newPassword, newPassword);
        return await AccountPage.ArriveAsync(Session);
    }

    public async Task<ChangePasswordPage> ChangeExpectingErrorsAsync(string current, string newPassword, string confirmation)
    {
        await SubmitAsync(current, newPassword, confirmation);
        return await ArriveAsync(Session);
    }

    private async Task SubmitAsync(string current, string newPassword, string confirmation)
    {
        await CurrentPasswordField.FillAsync(current);
        await NewPasswordField.FillAsync(newPassword);
        await ConfirmPasswordField.FillAsync(confirmation);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true }).ClickAsync();
    }
}
