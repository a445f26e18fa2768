using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Administration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// The organisation's administrator at work: setting up a partnership, looking after people and their
/// supervision, and importing people from a file.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class AdministrationJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    // Journeys share one site: whatever one adds carries this test's own suffix, so that none depends on
    // another's leftovers or on the order they run in.
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task An_administrator_adds_a_partnership_then_an_agency_and_a_team_and_renames_the_team()
    {
        var partnership = $"Northbank Safeguarding Partnership {_suffix}";
        var agency = $"Northbank Police {_suffix}";
        var team = $"Missing Persons Unit {_suffix}";
        var renamed = $"Missing and Exploitation Team {_suffix}";
        var partnerships = await (await SignInAsAdministratorAsync()).OpenPartnershipsAsync();
        var add = await partnerships.AddPartnershipAsync();

        add = await add.SubmitEmptyAsync();
        await Expect(add.Errors.Root).ToBeFocusedAsync();
        await Expect(add.Errors.Title).ToHaveTextAsync("There is a problem");
        await Expect(add.Errors.Links).ToHaveTextAsync(["Enter a name."]);
        await Expect(add.NameField).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bName-error\b"));

        // By keyboard from the focused summary: Tab to its link, Enter to reach the field, type, Enter to send.
        await Session.Page.Keyboard.PressAsync("Tab");
        await Expect(add.Errors.Links).ToBeFocusedAsync();
        await Session.Page.Keyboard.PressAsync("Enter");
        var page = await add.AddWithKeyboardAsync(partnership);
        await Expect(page.SuccessBanner).ToHaveTextAsync("Partnership added");

        partnerships = await page.BackToPartnershipsAsync();
        await Expect(partnerships.Row(partnership).GetByRole(AriaRole.Cell)).ToHaveTextAsync([partnership, "0", "0"]);
        page = await partnerships.OpenAsync(partnership);

        page = await (await page.AddAgencyAsync()).AddAsync(agency, "Police");
        await Expect(page.SuccessBanner).ToHaveTextAsync("Agency added");
        await Expect(page.SectorOf(agency)).ToHaveTextAsync("Police");
        await Expect(page.Agency(agency)).ToContainTextAsync("No teams yet.");

        page = await (await page.AddTeamToAsync(agency)).AddAsync(team);
        await Expect(page.SuccessBanner).ToHaveTextAsync("Team added");
        await Expect(page.TeamsOf(agency)).ToHaveTextAsync([team]);

        var change = await page.ChangeTeamAsync(agency, team);
        await Expect(change.NameField).ToHaveValueAsync(team);
        await Expect(change.ActiveRadio).ToBeCheckedAsync();
        page = await change.RenameAsync(renamed);
        await Expect(page.SuccessBanner).ToHaveTextAsync("Team saved");
        await Expect(page.TeamsOf(agency)).ToHaveTextAsync([renamed]);
        await Expect(page.SectorOf(agency)).ToHaveTextAsync("Police");
    }

    private async Task<AdministrationPage> SignInAsAdministratorAsync()
    {
        var home = await (await SignInPage.OpenAsync(Session)).SignInAsync(Organisation.Administrator);
        return await home.Navigation.OpenAdministrationAsync();
    }
}
