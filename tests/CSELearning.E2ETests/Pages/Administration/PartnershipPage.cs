using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>One partnership: a section for each agency, with its sector and its table of teams.</summary>
public sealed class PartnershipPage : AppPage
{
    private PartnershipPage(BrowserSession session, string name) : base(session) => Name = name;

    public string Name { get; }

    public static async Task<PartnershipPage> ArriveAsync(BrowserSession session, string name)
    {
        await session.ArriveAsync($"admin/partnerships/{IdPattern}", name);
        return new PartnershipPage(session, name);
    }

    /// <summary>An agency's section, named by its heading (the agency's name and its status).</summary>
    public ILocator Agency(string name) => Page.GetByRole(AriaRole.Region, new() { Name = name });

    public ILocator SectorOf(string agency) => SummaryValue("Sector", Agency(agency));

    /// <summary>The names of an agency's teams, one a row of its table.</summary>
    public ILocator TeamsOf(string agency) =>
        Agency(agency).GetByRole(AriaRole.Table, new() { Name = $"Teams in {agency}", Exact = true }).GetByRole(AriaRole.Rowheader);

    public async Task<PartnershipsPage> BackToPartnershipsAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to partnerships", Exact = true }).ClickAsync();
        return await PartnershipsPage.ArriveAsync(Session);
    }

    public async Task<AddAgencyPage> AddAgencyAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add an agency", Exact = true }).ClickAsync();
        return await AddAgencyPage.ArriveAsync(Session, Name);
    }

    public async Task<AddTeamPage> AddTeamToAsync(string agency)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Add a team to {agency}", Exact = true }).ClickAsync();
        return await AddTeamPage.ArriveAsync(Session, Name, agency);
    }

    public async Task<ChangeTeamPage> ChangeTeamAsync(string agency, string team)
    {
        await Agency(agency).GetByRole(AriaRole.Link, new() { Name = $"Change {team}", Exact = true }).ClickAsync();
        return await ChangeTeamPage.ArriveAsync(Session, Name, agency);
    }
}
