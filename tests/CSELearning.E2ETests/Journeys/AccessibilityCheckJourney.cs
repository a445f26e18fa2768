using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class AccessibilityCheckJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    /// <summary>
    /// The control for the axe check every page object makes: break a page the way a careless change
    /// might, and the check must fail, naming the rule, its impact and the element.
    /// </summary>
    [Fact]
    public async Task The_check_fails_a_page_whose_field_has_lost_its_label()
    {
        await SignInPage.OpenAsync(Session);
        await Session.Page.EvaluateAsync("() => document.querySelector('label[for=Email]').remove()");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => Accessibility.AssertNoSeriousViolationsAsync(Session.Page));

        Assert.Contains("label (critical): Form elements must have labels", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #Email", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Session.Page.Url, failure.Message, StringComparison.Ordinal);
    }
}
