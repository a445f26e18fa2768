using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>Importing people from a CSV file: everyone in it, or no one and a table of what is wrong.</summary>
public sealed class ImportPage : AppPage
{
    private ImportPage(BrowserSession session) : base(session) { }

    public ILocator PartnershipField => Page.GetByLabel("Partnership", new() { Exact = true });

    public ILocator FileField => Page.GetByLabel("CSV file", new() { Exact = true });

    public ILocator ChosenPartnership => ChosenOption(PartnershipField);

    public ILocator Problems => Page.GetByRole(AriaRole.Table, new() { Name = "Rows with problems", Exact = true });

    /// <summary>A row for each line of the file with problems: the line number as the row's header, its reasons in a cell.</summary>
    public ILocator ProblemRows => Problems.Locator("tbody").GetByRole(AriaRole.Row);

    public static async Task<ImportPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("admin/users/import", "Import people from a CSV file");
        return new ImportPage(session);
    }

    public Task ChoosePartnershipAsync(string name) => PartnershipField.SelectOptionAsync(new SelectOptionValue { Label = name });

    /// <summary>Uploads the file into the partnership already chosen, expecting to be turned back.</summary>
    public async Task<ImportPage> ImportExpectingProblemsAsync(FilePayload file)
    {
        await SubmitAsync(file);
        return await ArriveAsync(Session);
    }

    /// <summary>Uploads the file into the partnership already chosen; the site shows everyone on the People page.</summary>
    public async Task<PeoplePage> ImportAsync(FilePayload file)
    {
        await SubmitAsync(file);
        return await PeoplePage.ArriveAsync(Session);
    }

    private async Task SubmitAsync(FilePayload file)
    {
        await FileField.SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import people", Exact = true }).ClickAsync();
    }
}
