using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Infrastructure.Authorization;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// The README's run command serves Development over plain HTTP on localhost. Signing in must work there
/// too, with the sign-in cookie still __Host- prefixed and Secure (browsers accept those from localhost).
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class DevelopmentOverHttpJourney(E2EFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly CseLearningApp _app = new(https: false, environment: "Development");
    private BrowserSession? _session;

    public async Task InitializeAsync()
    {
        _app.Start();
        _session = await BrowserSession.OpenAsync(fixture.Browser, _app.Address);
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            try { _session.AssertCleanEnding(); }
            finally { await _session.DisposeAsync(); }
        }
        await _app.DisposeAsync();
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_learner_signs_in_on_http_localhost_in_development()
    {
        var session = _session!;
        var learner = await TestAccounts.CreateLearnerAsync(_app.Services, "Remi Laurent");
        Assert.Equal("http", session.Address.Scheme);
        Assert.Equal("localhost", session.Address.Host);

        var home = await (await SignInPage.OpenAsync(session)).SignInWithKeyboardAsync(learner);

        await Expect(home.LearnerSection).ToBeVisibleAsync();
        var cookies = await session.Page.Context.CookiesAsync();
        var signIn = Assert.Single(cookies, c => c.Name == IdentityExtensions.AuthCookieName);
        Assert.True(signIn.Secure);
        Assert.True(signIn.HttpOnly);
        Assert.Contains(cookies, c => c.Name == IdentityExtensions.DevelopmentAntiforgeryCookieName);
    }
}
