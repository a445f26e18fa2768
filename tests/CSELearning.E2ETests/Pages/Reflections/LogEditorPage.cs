using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Reflections;

/// <summary>
/// A log its author can still change: the title and the six stages of Gibbs' cycle, each a field labelled
/// with the stage's name; the autosave's status line; Save; and, once the author has a supervisor, the link
/// to the identifying-detail check before sharing.
/// </summary>
public sealed class LogEditorPage : AppPage
{
    /// <summary>The heading of a log with no title yet.</summary>
    public const string Untitled = "Untitled reflective log";

    private LogEditorPage(BrowserSession session, string id, string title) : base(session) => (Id, Title) = (id, title);

    /// <summary>The log's id, as in its address.</summary>
    public string Id { get; }

    /// <summary>The title the page is headed with.</summary>
    public string Title { get; }

    private ILocator Form => Page.Locator("form#log");

    public ILocator TitleField => Form.GetByLabel("Title", new() { Exact = true });

    /// <summary>The field of a stage, by its label: "Description", "Feelings", ..., "Action plan".</summary>
    public ILocator Stage(string heading) => Form.GetByLabel(heading, new() { Exact = true });

    /// <summary>The tag under the heading: "Draft", "Awaiting review", "Revision requested".</summary>
    public ILocator Status => Page.Locator("main h1 + p .govuk-tag");

    /// <summary>The line the autosave speaks through (a polite live region): "Saved at 14:05", or why not.</summary>
    public ILocator AutosaveStatus => Page.GetByRole(AriaRole.Status).And(Page.Locator("#autosave-status"));

    public ILocator SaveButton => Form.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

    public ILocator ShareLink => Page.GetByRole(AriaRole.Link, new() { Name = "Check and share with your supervisor", Exact = true });

    /// <summary>
    /// The editor for a log headed <paramref name="title"/>: the log <paramref name="id"/>, or any log when
    /// null (a new one, whose id the page then reads from its address).
    /// </summary>
    public static async Task<LogEditorPage> ArriveAsync(BrowserSession session, string title, string? id = null)
    {
        await session.ArriveAsync($"reflections/{id ?? IdPattern}", title);
        await Expect(session.Page.Locator("form#log")).ToBeVisibleAsync();
        return new LogEditorPage(session, id ?? new Uri(session.Page.Url).Segments[^1], title);
    }

    /// <summary>Tabs to a field and types into it, key by key, as the author writes.</summary>
    public async Task WriteWithKeyboardAsync(ILocator field, string text)
    {
        await KeyboardUser.TabToAsync(Page, field);
        await Page.Keyboard.TypeAsync(text);
        await Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>Waits for the autosave, a few seconds after the last key, to report that it saved.</summary>
    public Task ExpectAutosavedAsync() =>
        Expect(AutosaveStatus).ToHaveTextAsync(new Regex(@"^Saved at \d{2}:\d{2}$"), new() { Timeout = 15_000 });

    /// <summary>
    /// What the server put in a field when it sent the page (its default value), whatever the browser has
    /// since restored into it: on a reload Chromium may refill fields from its own memory of the page.
    /// </summary>
    /// <param name="label">The field's label: "Title", or a stage's name.</param>
    public Task<string> ServedValueAsync(string label) => Form.GetByLabel(label, new() { Exact = true }).EvaluateAsync<string>("e => e.defaultValue");

    /// <summary>Reloads the page, expecting it headed <paramref name="title"/> (the title as the server now holds it).</summary>
    public async Task<LogEditorPage> ReloadAsync(string title)
    {
        await Page.ReloadAsync();
        return await ArriveAsync(Session, title, Id);
    }

    /// <summary>Tabs to Save and presses Enter: the log comes back headed with <paramref name="title"/>, and a banner.</summary>
    public async Task<LogEditorPage> SaveWithKeyboardAsync(string title)
    {
        await KeyboardUser.ActivateAsync(Page, SaveButton);
        return await ArriveAsync(Session, title, Id);
    }

    /// <summary>Tabs to "Check and share with your supervisor" and follows it, to the identifying-detail check.</summary>
    public async Task<ShareCheckPage> CheckAndShareWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(Page, ShareLink);
        return await ShareCheckPage.ArriveAsync(Session, Id, Title);
    }
}
