using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Features.Account;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class FailedSignInJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    [Fact]
    public async Task A_wrong_password_brings_an_error_summary_whose_link_leads_to_the_field()
    {
        // An account of its own: failed attempts count towards a lockout.
        var account = await TestAccounts.CreateLearnerAsync(Fixture.App.Services, "Robin Hale");
        var signIn = await SignInPage.OpenAsync(Session);

        signIn = await signIn.SignInExpectingErrorsAsync(account.Email, "not-the-right-password-at-all");

        await Expect(signIn.Errors.Title).ToHaveTextAsync("There is a problem");
        // GOV.UK Frontend moves focus to the summary, so a screen reader announces it at once.
        await Expect(signIn.Errors.Root).ToBeFocusedAsync();
        await Expect(signIn.Errors.Links).ToHaveTextAsync([SignIn.FailureMessage]);
        await Expect(signIn.Errors.Links).ToHaveAttributeAsync("href", "#Email");
        // The same message beside the field, tied to it for assistive technology.
        await Expect(Session.Page.Locator("#Email-error")).ToHaveTextAsync("Error: " + SignIn.FailureMessage);
        await Expect(signIn.EmailField).ToHaveAttributeAsync("aria-describedby", "Email-error");
        await Expect(signIn.EmailField).ToHaveValueAsync(account.Email);
        await Expect(signIn.PasswordField).ToHaveValueAsync("");

        // From the focused summary, Tab reaches the link and Enter puts the person in the field.
        await Session.Page.Keyboard.PressAsync("Tab");
        await Expect(signIn.Errors.Links).ToBeFocusedAsync();
        await Session.Page.Keyboard.PressAsync("Enter");
        await Expect(signIn.EmailField).ToBeFocusedAsync();

        await signIn.SignInWithKeyboardAsync(account);
    }

    [Fact]
    public async Task An_empty_form_lists_each_missing_answer_in_form_order_and_each_link_focuses_its_field()
    {
        var signIn = await SignInPage.OpenAsync(Session);

        signIn = await signIn.SubmitEmptyAsync();

        await Expect(signIn.Errors.Root).ToBeFocusedAsync();
        await Expect(signIn.Errors.Links).ToHaveTextAsync(["Enter your email address", "Enter your password"]);
        await signIn.Errors.Link("Enter your password").ClickAsync();
        await Expect(signIn.PasswordField).ToBeFocusedAsync();
        await signIn.Errors.Link("Enter your email address").ClickAsync();
        await Expect(signIn.EmailField).ToBeFocusedAsync();
    }
}
