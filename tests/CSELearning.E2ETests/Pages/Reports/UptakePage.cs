using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Reports;

/// <summary>The uptake report: filters (kept in the address), a chart, the table and its CSV.</summary>
public sealed class UptakePage : AppPage
{
    private UptakePage(BrowserSession session) : base(session) { }

    public ILocator Agency => Page.GetByLabel("Agency", new() { Exact = true });
    public ILocator Module => Page.GetByLabel("Module", new() { Exact = true });
    public ILocator JobRole => Page.GetByLabel("Job role", new() { Exact = true });
    public ILocator BreakDownBy => Page.GetByLabel("Break down by", new() { Exact = true });

    /// <summary>The uptake table, named by its caption ("Uptake by agency", "Uptake by job role"…).</summary>
    public ILocator Table => Page.Locator("table#uptake");

    public ILocator Chart => Page.GetByRole(AriaRole.Img).Filter(new() { Has = Page.Locator("title") });

    public async Task<UptakePage> ApplyAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters", Exact = true }).ClickAsync();
        return await ArriveAsync(Session);
    }

    /// <summary>Downloads the table as CSV and returns its text (without the byte-order mark).</summary>
    public async Task<string> DownloadCsvAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download this table as CSV", Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        return (await File.ReadAllTextAsync(path, System.Text.Encoding.UTF8)).TrimStart('\uFEFF');
    }

    public static async Task<UptakePage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(@"reports/uptake(\?.*)?", "Uptake");
        return new UptakePage(session);
    }
}
