using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Administration;

public sealed class AddTeamPage : AppPage
{
    private readonly string _partnership;

    private AddTeamPage(BrowserSession session, string partnership) : base(session) => _partnership = partnership;

    public ILocator NameField => Page.GetByLabel("Name of the team", new() { Exact = true });

    public static async Task<AddTeamPage> ArriveAsync(BrowserSession session, string partnership, string agency)
    {
        await session.ArriveAsync($"admin/agencies/{IdPattern}/teams/new", "Add a team");
        var page = new AddTeamPage(session, partnership);
        await Expect(page.Page.GetByRole(AriaRole.Main).Locator(".govuk-caption-l")).ToHaveTextAsync(agency);
        return page;
    }

    public async Task<PartnershipPage> AddAsync(string name)
    {
        await NameField.FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add team", Exact = true }).ClickAsync();
        return await PartnershipPage.ArriveAsync(Session, _partnership);
    }
}
