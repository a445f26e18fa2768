using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// One test's browser: a fresh context and tab on the test server. It keeps what the browser reports
/// (console errors, uncaught script errors) and which pages loaded, so that a test can end by showing
/// that no script broke and that every page it reached was checked for accessibility.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<ConsoleError> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _errorDocuments = new();
    private readonly ConcurrentQueue<string> _scriptErrors = new();
    private readonly ConcurrentQueue<string> _loaded = new();
    private readonly ConcurrentDictionary<double, string> _audited = new();

    private BrowserSession(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        Address = address;
        Page = Watch(page);
    }

    /// <summary>Listens to a tab for the errors and page loads that <see cref="AssertCleanEnding"/> looks at.</summary>
    private IPage Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _consoleErrors.Enqueue(new ConsoleError(message.Text, message.Location));
        };
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Status >= 400) _errorDocuments.Enqueue(response.Url);
        };
        page.PageError += (_, error) => _scriptErrors.Enqueue(error);
        page.DOMContentLoaded += (_, loaded) => _loaded.Enqueue(loaded.Url);
        return page;
    }

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            // The test server's certificate is made for the run and trusted by nothing.
            IgnoreHTTPSErrors = true,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(10_000);
        return new BrowserSession(context, await context.NewPageAsync(), address);
    }

    /// <summary>The tab the test is using: a new one after <see cref="CloseTabAndOpenAnotherAsync"/>.</summary>
    public IPage Page { get; private set; }

    /// <summary>
    /// Closes the tab, as a person does when they stop for the day, and opens a blank one in the same browser:
    /// its cookies are kept, nothing held in the closed page is.
    /// </summary>
    /// <param name="asAPersonDoes">
    /// Let the page run its unload handlers (pagehide, visibilitychange), as closing a tab by hand does;
    /// otherwise the browser discards it at once.
    /// </param>
    public async Task CloseTabAndOpenAnotherAsync(bool asAPersonDoes = false)
    {
        var closing = Page;
        if (asAPersonDoes)
        {
            var closed = new TaskCompletionSource();
            closing.Close += (_, _) => closed.TrySetResult();
            await closing.CloseAsync(new() { RunBeforeUnload = true });
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        else
        {
            await closing.CloseAsync();
        }
        Assert.True(closing.IsClosed, "The tab did not close.");
        Page = Watch(await _context.NewPageAsync());
    }

    public Uri Address { get; }

    public IReadOnlyList<string> ScriptErrors => [.. _scriptErrors];

    /// <summary>The console errors in which the browser reports a Content-Security-Policy violation.</summary>
    public IReadOnlyList<string> CspViolations => [.. _consoleErrors.Where(e => e.IsCspViolation).Select(e => e.ToString())];

    /// <summary>Matches a full address on the test server whose path (after the leading slash) matches <paramref name="pathPattern"/>.</summary>
    public Regex UrlMatching(string pathPattern) => new("^" + Regex.Escape(Address.GetLeftPart(UriPartial.Authority)) + "/" + pathPattern + "$");

    /// <summary>
    /// Waits until the browser shows the page at <paramref name="pathPattern"/> headed <paramref name="heading"/>,
    /// with its scripts started, then checks it with axe. Page objects call this after every navigation.
    /// </summary>
    public Task ArriveAsync(string pathPattern, string heading) =>
        ArriveAsync(pathPattern, h1 => Expect(h1).ToHaveTextAsync(heading));

    /// <summary>
    /// As <see cref="ArriveAsync(string, string)"/>, for a heading that holds more than its fixed words: a
    /// person's name followed by a status tag, say.
    /// </summary>
    public Task ArriveAsync(string pathPattern, Regex heading) =>
        ArriveAsync(pathPattern, h1 => Expect(h1).ToHaveTextAsync(heading));

    private async Task ArriveAsync(string pathPattern, Func<ILocator, Task> expectHeading)
    {
        await Expect(Page).ToHaveURLAsync(UrlMatching(pathPattern));
        await expectHeading(Page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        // app.js marks the body once it runs: if the Content-Security-Policy blocked it, this never happens.
        await Expect(Page.Locator("body")).ToHaveClassAsync(new Regex(@"\bgovuk-frontend-supported\b"));
        await CheckAccessibilityAsync();
    }

    /// <summary>Runs axe on the current page, and notes the page as checked.</summary>
    public async Task CheckAccessibilityAsync()
    {
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        // performance.timeOrigin is fixed for the life of a document, so it tells one page load from another.
        var document = await Page.EvaluateAsync<double>("() => performance.timeOrigin");
        _audited[document] = Page.Url;
    }

    /// <summary>
    /// Shows the current page at a desktop width (1280 px) and a phone width (375 px): fails if either makes the page
    /// scroll sideways, and saves a full-page picture of each to <c>TestResults/screens/</c> (or the folder in
    /// <c>CSELEARNING_SCREENS</c>) to be looked at. The width the test had is put back.
    /// </summary>
    private const string OverflowingElements = """
        () => {
            const limit = document.documentElement.clientWidth;
            const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > limit + 0.5);
            const innermost = wide.filter(e => !wide.some(o => o !== e && e.contains(o)));
            return innermost.slice(0, 5).map(e => {
                const r = e.getBoundingClientRect();
                return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} ("${(e.textContent || '').trim().slice(0, 40)}", right edge ${Math.round(r.right)} px)`;
            }).join('; ') || 'no element found';
        }
        """;

    public async Task CaptureAtBothWidthsAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("CSELEARNING_SCREENS") is { Length: > 0 } set
            ? set : Path.Combine(AppContext.BaseDirectory, "TestResults", "screens");
        Directory.CreateDirectory(folder);
        var before = Page.ViewportSize;
        try
        {
            foreach (var width in (int[])[1280, 375])
            {
                await Page.SetViewportSizeAsync(width, 900);
                var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    // The innermost elements that stick out, to say what to fix.
                    var culprits = await Page.EvaluateAsync<string>(OverflowingElements);
                    Assert.Fail($"{Page.Url} scrolls sideways by {overflow} px at {width} px wide: {culprits}");
                }
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
            }
        }
        finally
        {
            if (before is not null) await Page.SetViewportSizeAsync(before.Width, before.Height);
        }
    }

    /// <summary>
    /// Fails if a script broke, or the console shows an error (a CSP violation, a missing stylesheet), or any
    /// page loaded without an axe check. The one error allowed is Chromium's note that an error page (a 404,
    /// say) came with its error status, which the journey that went there asked for.
    /// </summary>
    public void AssertCleanEnding()
    {
        var loaded = _loaded.ToList();
        Assert.True(_scriptErrors.IsEmpty, "Uncaught script errors in the browser:\n  " + string.Join("\n  ", _scriptErrors));
        var errorDocuments = _errorDocuments.ToList();
        var unexplained = _consoleErrors.Where(e => !e.IsErrorStatusOfOneOf(errorDocuments)).ToList();
        Assert.True(unexplained.Count == 0, "The browser console showed errors:\n  " + string.Join("\n  ", unexplained));
        Assert.True(_audited.Count == loaded.Count,
            $"{loaded.Count} page(s) loaded but {_audited.Count} were checked with axe: every navigation must end in a page object's ArriveAsync.\n" +
            $"  Loaded:  {string.Join(", ", loaded)}\n  Checked: {string.Join(", ", _audited.Values)}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private sealed record ConsoleError(string Text, string Location)
    {
        public bool IsCspViolation =>
            Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
            || Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase);

        public bool IsErrorStatusOfOneOf(IEnumerable<string> documents) =>
            Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal)
            && documents.Any(d => Location.StartsWith(d + ":", StringComparison.Ordinal));

        public override string ToString() => $"{Text} (at {Location})";
    }
}
