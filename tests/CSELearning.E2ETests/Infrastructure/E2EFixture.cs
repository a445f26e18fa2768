using Microsoft.Playwright;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// Shared by every journey in a run: one application, one organisation of test accounts and one Chromium.
/// Each test opens its own browser context, so no cookies or storage pass between tests.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CSELEARNING_CHROMIUM";
    private const string DebianChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestOrganisation? _organisation;

    public CseLearningApp App { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public TestOrganisation Organisation => _organisation ?? throw new InvalidOperationException("The fixture has not started.");

    // The server and the browser take about as long as each other to start: start them together.
    public Task InitializeAsync() => Task.WhenAll(Task.Run(StartServerAsync), LaunchBrowserAsync());

    private async Task StartServerAsync()
    {
        App.Start();
        _organisation = await TestAccounts.SeedOrganisationAsync(App.Services);
    }

    private async Task LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright's own browser download is not available here: use the system's Chromium.
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DebianChromium;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}. Install it (apt-get install chromium) or set {ChromiumVariable} to its path.");
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEnd : ICollectionFixture<E2EFixture>
{
    public const string Name = "End to end";
}
