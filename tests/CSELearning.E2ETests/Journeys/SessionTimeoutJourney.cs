using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Reflections;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// Nothing typed is lost when the session times out. On a site of its own with a one-minute idle timeout and the
/// warning 50 seconds before it: the warning opens with focus in it, passes axe, and "Stay signed in" (and Escape)
/// keep the session past when it would have ended. Then a session ended on the server while the learner is writing:
/// their Save is kept, and after signing in again they read it on the kept-text page, and discard it.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class SessionTimeoutJourney(E2EFixture fixture) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);
    private readonly CseLearningApp _app = new(settings: new Dictionary<string, string>
    {
        ["Security:IdleTimeout"] = "00:01:00",
        ["Security:TimeoutWarning"] = "00:00:50",
    });
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

    private ILocator Dialog => _session!.Page.GetByRole(AriaRole.Alertdialog, new() { Name = "You are about to be signed out" });

    [Fact]
    public async Task The_timeout_warning_takes_focus_and_stay_signed_in_keeps_the_session()
    {
        var session = _session!;
        var learner = await TestAccounts.CreateLearnerAsync(_app.Services, "Noor Haddad");
        await (await SignInPage.OpenAsync(session)).SignInAsync(learner);
        var loadedAt = DateTime.UtcNow;
        var myLearning = session.Page.GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true });
        await myLearning.FocusAsync();

        // Ten seconds after the page loaded, the warning opens, says how long is left, and holds focus.
        await Expect(Dialog).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(Dialog).ToBeFocusedAsync();
        await Expect(Dialog).ToContainTextAsync("we will sign you out in");
        await Expect(Dialog.Locator("[data-timeout-announcement]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^We will sign you out in \\d+ seconds$"));
        await session.CheckAccessibilityAsync();
        await session.CaptureAtBothWidthsAsync("timeout-warning");

        // Tab reaches "Stay signed in" inside the dialog; Enter presses it; focus comes back to where it was.
        await session.Page.Keyboard.PressAsync("Tab");
        await Expect(Dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(Dialog).ToBeHiddenAsync();
        await Expect(myLearning).ToBeFocusedAsync();

        // Once more, Escape: stay signed in too.
        await Expect(Dialog).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await session.Page.Keyboard.PressAsync("Escape");
        await Expect(Dialog).ToBeHiddenAsync();

        // Past the time the first page's session would have ended, a signed-in page still opens.
        var wait = loadedAt + IdleTimeout + TimeSpan.FromSeconds(3) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await session.Page.GotoAsync("my-learning");
        await session.ArriveAsync("my-learning", "My learning");
    }

    [Fact]
    public async Task Text_sent_after_the_session_ended_is_kept_and_offered_back_after_signing_in()
    {
        var session = _session!;
        var learner = await TestAccounts.CreateLearnerAsync(_app.Services, "Sami Okafor");
        await (await SignInPage.OpenAsync(session)).SignInAsync(learner);
        await session.Page.GotoAsync(ReflectiveLogsPage.Path);
        var editor = await (await ReflectiveLogsPage.ArriveAsync(session)).StartLogWithKeyboardAsync();

        // The session ends on the server (signed out everywhere, from another device) while the learner writes.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(learner.Email);
            await scope.ServiceProvider.GetRequiredService<SessionRecords>().EndAllAsync(user!.Id);
        }
        await editor.TitleField.FillAsync("After the core group");
        await editor.Stage("Description").FillAsync("The meeting ran late and the worries about the park came up again.");
        await editor.SaveButton.ClickAsync();

        var signIn = await SignInPage.ArriveAsync(session);
        await signIn.EmailField.FillAsync(learner.Email);
        await signIn.PasswordField.FillAsync(learner.Password);
        await signIn.SignInButton.ClickAsync();
        await session.ArriveAsync("kept-drafts", "We kept what you wrote");
        var main = session.Page.Locator("main");
        await Expect(main).ToContainTextAsync("After the core group");
        await Expect(main).ToContainTextAsync("The meeting ran late and the worries about the park came up again.");
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy description" })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Go back to the form" })).ToHaveAttributeAsync("href", $"/reflections/{editor.Id}");
        await session.CaptureAtBothWidthsAsync("kept-drafts");

        await main.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Discard this text") }).ClickAsync();
        await session.ArriveAsync("kept-drafts", "Kept text");
        await Expect(main).ToContainTextAsync("You have no kept text.");
    }
}
