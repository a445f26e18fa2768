using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>Shown once a reset link has been asked for: the same whether or not the address has an account.</summary>
public sealed class CheckYourEmailPage : AppPage
{
    private CheckYourEmailPage(BrowserSession session) : base(session) { }

    public ILocator Content => Page.GetByRole(AriaRole.Main);

    public static async Task<CheckYourEmailPage> ArriveAsync(BrowserSession session)
    {
        // The form posts back to its own address, which then shows this page.
        await session.ArriveAsync(ForgotPasswordPage.Path, "Check your email");
        return new CheckYourEmailPage(session);
    }
}
