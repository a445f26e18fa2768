using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Features.Account;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class ChangePasswordJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string NewPassword = "harbour-violet-engine-saddle";

    [Fact]
    public async Task Someone_changes_their_password_signs_out_and_signs_in_with_the_new_one()
    {
        var account = await TestAccounts.CreateLearnerAsync(Fixture.App.Services, "Casey Morrow");
        var home = await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(account);
        var change = await (await home.Navigation.OpenYourAccountAsync()).ChangeYourPasswordAsync();

        change = await change.ChangeExpectingErrorsAsync(account.Password, NewPassword, "harbour-violet-engine-sadle");
        await Expect(change.Errors.Links).ToHaveTextAsync(["The passwords do not match"]);
        var yourAccount = await change.ChangeAsync(account.Password, NewPassword);
        await Expect(yourAccount.SuccessBanner).ToHaveTextAsync("Your password has been changed.");

        var signIn = await (await yourAccount.Navigation.SignOutAsync()).SignInAgainAsync();
        signIn = await signIn.SignInExpectingErrorsAsync(account.Email, account.Password);
        await Expect(signIn.Errors.Links).ToHaveTextAsync([SignIn.FailureMessage]);
        await signIn.SignInWithKeyboardAsync(account with { Password = NewPassword });
    }
}
