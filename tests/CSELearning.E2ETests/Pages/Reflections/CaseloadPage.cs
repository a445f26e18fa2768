using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Reflections;

/// <summary>A supervisor's caseload: the logs awaiting their review, oldest first, and their current supervisees.</summary>
public sealed class CaseloadPage : AppPage
{
    public const string Path = "supervision/caseload";

    private CaseloadPage(BrowserSession session) : base(session) { }

    /// <summary>The table of logs awaiting review, named by its caption.</summary>
    public ILocator AwaitingReview => Page.GetByRole(AriaRole.Table, new() { Name = "Logs awaiting review, oldest first", Exact = true });

    /// <summary>The row of the log titled <paramref name="title"/> awaiting review: its link, its author, when it was shared.</summary>
    public ILocator AwaitingLog(string title) =>
        AwaitingReview.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) });

    public ILocator Supervisees => Page.GetByRole(AriaRole.Table, new() { Name = "Your current supervisees", Exact = true });

    /// <summary>The cells of a supervisee's row: team, logs awaiting review, logs signed off.</summary>
    public ILocator Supervisee(string name) =>
        Supervisees.GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) })
            .GetByRole(AriaRole.Cell);

    public static async Task<CaseloadPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(Path, "Your supervisees");
        return new CaseloadPage(session);
    }

    /// <summary>Follows the link of a log awaiting review, to the review page.</summary>
    public async Task<ReviewPage> OpenLogAsync(string title, string author)
    {
        await AwaitingLog(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        return await ReviewPage.ArriveAsync(Session, title, author);
    }
}
