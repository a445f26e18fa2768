using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Administration;

public sealed class ChangeTeamPage : AppPage
{
    private readonly string _partnership;

    private ChangeTeamPage(BrowserSession session, string partnership) : base(session) => _partnership = partnership;

    public ILocator NameField => Page.GetByLabel("Name of the team", new() { Exact = true });

    public ILocator ActiveRadio => Page.GetByRole(AriaRole.Group, new() { Name = "Status" }).GetByLabel("Active", new() { Exact = true });

    public static async Task<ChangeTeamPage> ArriveAsync(BrowserSession session, string partnership, string agency)
    {
        await session.ArriveAsync($"admin/teams/{IdPattern}/edit", "Change a team");
        var page = new ChangeTeamPage(session, partnership);
        await Expect(page.Page.GetByRole(AriaRole.Main).Locator(".govuk-caption-l")).ToHaveTextAsync(agency);
        return page;
    }

    public async Task<PartnershipPage> RenameAsync(string name)
    {
        await NameField.FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save changes", Exact = true }).ClickAsync();
        return await PartnershipPage.ArriveAsync(Session, _partnership);
    }
}
