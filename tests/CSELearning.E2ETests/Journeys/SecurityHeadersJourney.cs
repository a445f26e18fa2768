using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Journeys;

[Collection(EndToEnd.Name)]
public sealed class SecurityHeadersJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    [Fact]
    public async Task The_home_page_comes_with_the_security_headers_and_its_scripts_run_within_the_policy()
    {
        var learner = Organisation.Learner;
        await (await SignInPage.OpenAsync(Session)).SignInAsync(learner);

        var response = await Session.Page.GotoAsync("/") ?? throw new InvalidOperationException("No response for /.");
        await HomePage.ArriveAsync(Session, learner.Name);

        var headers = await response.AllHeadersAsync();
        var policy = headers["content-security-policy"];
        var scriptSources = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSources);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["referrer-policy"]);
        Assert.Empty(Session.CspViolations);
        Assert.Empty(Session.ScriptErrors);
    }

    /// <summary>
    /// The control for every journey's "no CSP violations" check: it shows the browser does report a blocked
    /// inline script on the console, and that the session hears it.
    /// </summary>
    [Fact]
    public async Task An_injected_inline_script_is_blocked_and_reported_on_the_console()
    {
        await using var probe = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        await SignInPage.OpenAsync(probe);

        var report = await probe.Page.RunAndWaitForConsoleMessageAsync(
            () => probe.Page.EvaluateAsync("""
                () => {
                    const script = document.createElement('script');
                    script.textContent = 'document.body.dataset.inlineScript = "ran"';
                    document.head.append(script);
                }
                """),
            new PageRunAndWaitForConsoleMessageOptions { Predicate = m => m.Type == "error" });

        Assert.Contains("Content Security Policy", report.Text, StringComparison.Ordinal);
        Assert.Null(await probe.Page.Locator("body").GetAttributeAsync("data-inline-script"));
        Assert.NotEmpty(probe.CspViolations);
    }
}
