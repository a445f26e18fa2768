using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class SignInAndOutJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.Administrator)]
    public async Task Each_role_signs_in_with_the_keyboard_sees_its_own_section_and_signs_out(string role)
    {
        var account = Organisation.For(role);

        // Nothing is open to someone signed out: the home page sends them to sign in first.
        await Session.Page.GotoAsync("/");
        var signIn = await SignInPage.ArriveAsync(Session);
        await Expect(Session.Page).ToHaveURLAsync(Session.UrlMatching(SignInPage.Path + @"\?ReturnUrl=%2F"));
        var home = await signIn.SignInWithKeyboardAsync(account);

        await ExpectTheSectionForAsync(role, home);
        await ExpectSessionCookieAsync(present: true);
        string[] navigation = role switch
        {
            Roles.Administrator => ["Home", "Modules", "My learning", "Reflective logs", "Reports", "Item analysis", "Administration", "Notifications", "Your account"],
            Roles.Commissioner => ["Home", "Modules", "My learning", "Reflective logs", "Reports", "Notifications", "Your account"],
            Roles.Supervisor => ["Home", "Modules", "My learning", "Reflective logs", "Supervisees", "Notifications", "Your account"],
            _ => ["Home", "Modules", "My learning", "Reflective logs", "Notifications", "Your account"],
        };
        await Expect(home.Navigation.Links).ToHaveTextAsync(navigation);

        var yourAccount = await home.Navigation.OpenYourAccountAsync();
        await Expect(yourAccount.Detail("Email address")).ToHaveTextAsync(account.Email);
        await Expect(yourAccount.Detail("Roles")).ToHaveTextAsync(role);

        var signedOut = await yourAccount.Navigation.SignOutAsync();
        await Expect(signedOut.Navigation.Root).ToHaveCountAsync(0);
        await ExpectSessionCookieAsync(present: false);

        await Session.Page.GotoAsync("/");
        await SignInPage.ArriveAsync(Session);
        await Expect(Session.Page).ToHaveURLAsync(Session.UrlMatching(SignInPage.Path + @"\?ReturnUrl=%2F"));
    }

    private async Task ExpectTheSectionForAsync(string role, HomePage home)
    {
        // Each account holds one role, so the page has that role's section and no other.
        await Expect(home.Sections).ToHaveCountAsync(1);
        switch (role)
        {
            case Roles.Learner:
                await Expect(home.LearnerSection).ToContainTextAsync(Organisation.Supervisor.Name);
                await Expect(home.LearnerSection).ToContainTextAsync(Organisation.Team);
                break;
            case Roles.Supervisor:
                var supervisee = home.SupervisorSection.GetByRole(AriaRole.Row).Filter(new() { HasText = Organisation.Learner.Name });
                await Expect(supervisee.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(Organisation.Learner.Name);
                await Expect(supervisee).ToContainTextAsync(Organisation.Team);
                break;
            case Roles.Commissioner:
                var agencies = home.CommissionerSection(Organisation.Partnership).GetByRole(AriaRole.Table);
                await Expect(agencies.Locator("caption")).ToHaveTextAsync("Agencies and the people registered in each");
                // The agency's one team, and its three people: the learner, the supervisor and the commissioner. Too
                // few people have had a log signed off for the number to be shown.
                await Expect(agencies.Locator("tbody tr").First.GetByRole(AriaRole.Cell))
                    .ToHaveTextAsync([Organisation.Agency, "Children's social care", "1", "3", "Fewer than 5"]);
                break;
            case Roles.Administrator:
                await Expect(home.AdministratorSection.GetByRole(AriaRole.Link, new() { Name = "partnerships" })).ToBeVisibleAsync();
                await Expect(home.AdministratorSection.GetByRole(AriaRole.Link, new() { Name = "active accounts" })).ToBeVisibleAsync();
                await Expect(home.AdministratorSection.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Item analysis") })).ToBeVisibleAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, "No such role.");
        }
    }

    /// <summary>The session cookie, with the attributes the site sets: Secure, HttpOnly, SameSite=Strict, host-only.</summary>
    private async Task ExpectSessionCookieAsync(bool present)
    {
        var cookies = await Session.Page.Context.CookiesAsync();
        var session = cookies.SingleOrDefault(c => c.Name == IdentityExtensions.AuthCookieName);
        if (!present)
        {
            Assert.Null(session);
            return;
        }
        Assert.NotNull(session);
        Assert.True(session.Secure, "The session cookie must be Secure.");
        Assert.True(session.HttpOnly, "The session cookie must be HttpOnly.");
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal("/", session.Path);
    }
}
