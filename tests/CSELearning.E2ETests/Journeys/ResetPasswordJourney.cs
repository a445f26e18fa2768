using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Features.Account;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class ResetPasswordJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string NewPassword = "copper-thistle-lagoon-anvil";

    [Fact]
    public async Task Someone_who_forgot_their_password_follows_the_emailed_link_and_signs_in_with_a_new_one()
    {
        var account = await TestAccounts.CreateLearnerAsync(Fixture.App.Services, "Dana Whitlow");
        var forgot = await (await SignInPage.OpenAsync(Session)).ForgottenYourPasswordAsync();

        var sent = await forgot.AskForLinkAsync(account.Email);
        await Expect(sent.Content).ToContainTextAsync(account.Email);

        var email = Fixture.App.Email.LatestTo(account.Email);
        Assert.Equal("Reset your CSELearning password", email.Subject);
        var link = CapturingEmailSender.LinkIn(email);
        Assert.Equal(Session.Address.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));

        var reset = await ResetPasswordPage.OpenFromEmailAsync(Session, link);
        var signIn = await reset.SaveAsync(NewPassword);
        await Expect(signIn.SuccessBanner).ToHaveTextAsync("Your password has been changed. Sign in with your new password.");

        // A link works once.
        reset = await ResetPasswordPage.OpenFromEmailAsync(Session, link);
        reset = await reset.SaveExpectingErrorsAsync("another-brand-new-password");
        await Expect(reset.Errors.Links).ToHaveTextAsync([ResetPassword.InvalidLinkMessage]);

        signIn = await SignInPage.OpenAsync(Session);
        await signIn.SignInWithKeyboardAsync(account with { Password = NewPassword });
    }
}
