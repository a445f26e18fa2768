using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class ModuleJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string ModuleId = "recognising-exploitation";
    private const string ModuleTitle = "Recognising the signs of child sexual exploitation";

    [Fact]
    public async Task A_learner_reads_the_warning_goes_through_the_pages_by_keyboard_checks_a_citation_and_leaves()
    {
        var home = await (await SignInPage.OpenAsync(Session)).SignInAsync(Organisation.Learner);

        var modules = await home.Navigation.OpenModulesAsync();
        var start = await modules.OpenModuleAsync(ModuleId, ModuleTitle);
        await Expect(start.ContentWarning).ToContainTextAsync("Content warning");
        await Expect(start.ContentWarning).ToContainTextAsync("This module is about the sexual abuse of children.");
        await Expect(start.Contents).ToHaveTextAsync([
            "What child sexual exploitation is", "Signs to notice, and what they mean", "Scenario: Kayla comes back late",
            "Check your understanding", "Reflect on your practice", "Finish the module",
        ]);

        var first = await start.OpenPageAsync("what-exploitation-is", "What child sexual exploitation is");
        await Expect(first.Support).ToContainTextAsync("If this material is difficult for you");
        var second = await first.NextWithKeyboardAsync("signs-to-notice", "Signs to notice, and what they mean");
        // The pages lead on through every section: after the teaching pages, the scenario.
        await Expect(second.PreviousLink).ToHaveAttributeAsync("href", $"/modules/{ModuleId}/what-exploitation-is");
        await Expect(second.NextTitle).ToHaveTextAsync("Scenario: Kayla comes back late");
        await Expect(second.NextLink).ToHaveAttributeAsync("href", $"/modules/{ModuleId}/kayla");

        var anchor = await second.FollowFirstCitationAsync();
        await Expect(second.TargetedReference).ToHaveAttributeAsync("id", anchor);
        await Expect(second.TargetedReference).ToBeInViewportAsync();

        var left = await second.LeaveAsync();
        await Expect(left.ModuleLinks).ToContainTextAsync([ModuleTitle]);
    }
}
