using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class ErrorPageJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    [Fact]
    public async Task An_unknown_address_shows_page_not_found_with_a_way_home()
    {
        var learner = Organisation.Learner;
        await (await SignInPage.OpenAsync(Session)).SignInAsync(learner);

        var error = await ErrorPage.OpenAsync(Session, "/no-such-page", ErrorPage.NotFound);

        Assert.Equal(404, error.Status);
        await Expect(error.Navigation.Root).ToBeVisibleAsync();
        await error.GoToTheHomePageAsync(learner.Name);
    }

    [Fact]
    public async Task A_learner_is_refused_the_administration_area()
    {
        var learner = Organisation.Learner;
        await (await SignInPage.OpenAsync(Session)).SignInAsync(learner);

        var error = await ErrorPage.OpenAsync(Session, "/admin", ErrorPage.Forbidden);

        Assert.Equal(403, error.Status);
        await Expect(error.Explanation).ToContainTextAsync("does not have permission");
        await error.GoToTheHomePageAsync(learner.Name);
    }
}
