using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>The learner's own record: refreshers due, modules in progress, and every completion.</summary>
public sealed class MyLearningPage : AppPage
{
    private MyLearningPage(BrowserSession session) : base(session) { }

    /// <summary>The table of modules in progress, named by its caption.</summary>
    public ILocator InProgress => Page.GetByRole(AriaRole.Table, new() { Name = "Modules in progress", Exact = true });

    /// <summary>The table of completions, named by its caption.</summary>
    public ILocator Completed => Page.GetByRole(AriaRole.Table, new() { Name = "Every module you have completed, newest first", Exact = true });

    /// <summary>The row of <paramref name="title"/> in the completions table.</summary>
    public ILocator CompletedRow(string title) =>
        Completed.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = title }) });

    /// <summary>The table of certificates, named by its caption.</summary>
    public ILocator Certificates => Page.GetByRole(AriaRole.Table, new() { Name = "Your certificates, newest first", Exact = true });

    /// <summary>The rows of the certificates table for <paramref name="title"/>.</summary>
    public ILocator CertificateRows(string title) =>
        Certificates.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell).Filter(new() { HasText = title }) });

    /// <summary>Clicks the first certificate's "Download PDF" link for <paramref name="title"/> and returns the download.</summary>
    public Task<IDownload> DownloadCertificateAsync(string title) =>
        Page.RunAndWaitForDownloadAsync(() => CertificateRows(title).First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download PDF") }).ClickAsync());

    public static async Task<MyLearningPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("my-learning", "My learning");
        return new MyLearningPage(session);
    }
}
