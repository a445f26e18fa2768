using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>The administration landing page: the platform's figures and the ways into managing it.</summary>
public sealed class AdministrationPage : AppPage
{
    private AdministrationPage(BrowserSession session) : base(session) { }

    public static async Task<AdministrationPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("admin", "Administration");
        return new AdministrationPage(session);
    }

    public async Task<PartnershipsPage> OpenPartnershipsAsync()
    {
        await ManageLink("Partnerships, agencies and teams").ClickAsync();
        return await PartnershipsPage.ArriveAsync(Session);
    }

    public async Task<PeoplePage> OpenPeopleAsync()
    {
        await ManageLink("People").ClickAsync();
        return await PeoplePage.ArriveAsync(Session);
    }

    public async Task<ImportPage> OpenImportAsync()
    {
        await ManageLink("Import people from a CSV file").ClickAsync();
        return await ImportPage.ArriveAsync(Session);
    }

    private ILocator ManageLink(string text) => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = text, Exact = true });
}
