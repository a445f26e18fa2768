using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Reflections;

/// <summary>The author's reflective logs: the button that starts one, and every log they have, with its status.</summary>
public sealed class ReflectiveLogsPage : AppPage
{
    public const string Path = "reflections";

    private ReflectiveLogsPage(BrowserSession session) : base(session) { }

    public ILocator StartButton => Page.GetByRole(AriaRole.Button, new() { Name = "Start a reflective log", Exact = true });

    /// <summary>The table of the author's logs, named by its caption.</summary>
    public ILocator Logs => Page.GetByRole(AriaRole.Table, new() { Name = "Your logs", Exact = true });

    /// <summary>The row of the log titled <paramref name="title"/>: its link, its status tag, when it last changed.</summary>
    public ILocator Log(string title) =>
        Logs.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) });

    public static async Task<ReflectiveLogsPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(Path, "Reflective logs");
        return new ReflectiveLogsPage(session);
    }

    /// <summary>Tabs to "Start a reflective log" and presses Enter: a new, untitled draft opens in the editor.</summary>
    public async Task<LogEditorPage> StartLogWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(Page, StartButton);
        return await LogEditorPage.ArriveAsync(Session, LogEditorPage.Untitled);
    }

    /// <summary>Follows the link of a log that has been signed off, to the locked log.</summary>
    public async Task<AuthorLogPage> OpenSignedOffLogAsync(string title)
    {
        await Log(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        return await AuthorLogPage.ArriveAsync(Session, title);
    }
}
