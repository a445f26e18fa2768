namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// Base for journey classes (each also carries [Collection(EndToEnd.Name)]): a new browser context for
/// every test, and at the end of each the checks that apply to every journey.
/// </summary>
public abstract class JourneyTest(E2EFixture fixture) : IAsyncLifetime
{
    private BrowserSession? _session;

    protected E2EFixture Fixture { get; } = fixture;

    protected TestOrganisation Organisation => Fixture.Organisation;

    protected BrowserSession Session => _session ?? throw new InvalidOperationException("The browser session has not opened.");

    public async Task InitializeAsync() => _session = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);

    public async Task DisposeAsync()
    {
        if (_session is null) return;
        try
        {
            _session.AssertCleanEnding();
        }
        finally
        {
            await _session.DisposeAsync();
        }
    }
}
