using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages;

public sealed class SignInPage : AppPage
{
    public const string Path = "account/sign-in";

    private SignInPage(BrowserSession session) : base(session) { }

    public ILocator EmailField => Page.GetByLabel("Email address", new() { Exact = true });

    public ILocator PasswordField => Page.GetByLabel("Password", new() { Exact = true });

    public ILocator SignInButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public static async Task<SignInPage> OpenAsync(BrowserSession session)
    {
        await session.Page.GotoAsync(Path);
        return await ArriveAsync(session);
    }

    /// <summary>The sign-in page, possibly with a ?ReturnUrl= after an attempt to reach a signed-in page.</summary>
    public static async Task<SignInPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(Path + @"(\?.*)?", "Sign in to CSELearning");
        return new SignInPage(session);
    }

    /// <summary>Signs in as a keyboard user would: into the email field, Tab to the password, Enter to send.</summary>
    public async Task<HomePage> SignInWithKeyboardAsync(Account account)
    {
        await EnterWithKeyboardAsync(account.Email, account.Password);
        return await HomePage.ArriveAsync(Session, account.Name);
    }

    /// <summary>Types into the form with the keyboard and sends it, expecting to be turned back with errors.</summary>
    public async Task<SignInPage> SignInExpectingErrorsAsync(string email, string password)
    {
        await EnterWithKeyboardAsync(email, password);
        return await ArriveAsync(Session);
    }

    /// <summary>Signs in by filling the form and clicking, for journeys about something else.</summary>
    public async Task<HomePage> SignInAsync(Account account)
    {
        await EmailField.FillAsync(account.Email);
        await PasswordField.FillAsync(account.Password);
        await SignInButton.ClickAsync();
        return await HomePage.ArriveAsync(Session, account.Name);
    }

    public async Task<SignInPage> SubmitEmptyAsync()
    {
        await SignInButton.ClickAsync();
        return await ArriveAsync(Session);
    }

    public async Task<ForgotPasswordPage> ForgottenYourPasswordAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgotten your password?" }).ClickAsync();
        return await ForgotPasswordPage.ArriveAsync(Session);
    }

    private async Task EnterWithKeyboardAsync(string email, string password)
    {
        await EmailField.FocusAsync();
        await EmailField.ClearAsync();
        await Page.Keyboard.TypeAsync(email);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(PasswordField).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(password);
        await Page.Keyboard.PressAsync("Enter");
    }
}
