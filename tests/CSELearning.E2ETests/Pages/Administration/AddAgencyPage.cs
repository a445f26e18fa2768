using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Administration;

public sealed class AddAgencyPage : AppPage
{
    private readonly string _partnership;

    private AddAgencyPage(BrowserSession session, string partnership) : base(session) => _partnership = partnership;

    public ILocator NameField => Page.GetByLabel("Name of the agency", new() { Exact = true });

    public ILocator SectorField => Page.GetByLabel("Sector", new() { Exact = true });

    public static async Task<AddAgencyPage> ArriveAsync(BrowserSession session, string partnership)
    {
        await session.ArriveAsync($"admin/partnerships/{IdPattern}/agencies/new", "Add an agency");
        var page = new AddAgencyPage(session, partnership);
        await Expect(page.Page.GetByRole(AriaRole.Main).Locator(".govuk-caption-l")).ToHaveTextAsync(partnership);
        return page;
    }

    /// <summary>Adds the agency in the sector whose name the list shows, and goes back to the partnership.</summary>
    public async Task<PartnershipPage> AddAsync(string name, string sector)
    {
        await NameField.FillAsync(name);
        await SectorField.SelectOptionAsync(new SelectOptionValue { Label = sector });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add agency", Exact = true }).ClickAsync();
        return await PartnershipPage.ArriveAsync(Session, _partnership);
    }
}
