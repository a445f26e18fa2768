using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Administration;
using CSELearning.Web.Domain;
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
    private const string CsvHeader = "email,name,job_role,agency,team,roles,supervisor_email";

    // Journeys share one site: whatever one adds carries this test's own suffix, so that none depends on
    // another's leftovers or on the order they run in.
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

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

    [Fact]
    public async Task An_administrator_finds_a_learner_then_adds_a_person_changes_them_supervises_deactivates_and_reactivates_them()
    {
        var learner = Organisation.Learner;
        var supervisor = Organisation.Supervisor;
        var workplace = await TestAccounts.CreateWorkplaceAsync(Fixture.App.Services,
            $"Eastgate Partnership {_suffix}", $"Eastgate Children's Services {_suffix}", $"Edge of Care Team {_suffix}");
        var people = await (await SignInAsAdministratorAsync()).OpenPeopleAsync();

        people = await people.SearchWithKeyboardAsync(learner.Name);
        await Expect(people.ResultNames).ToHaveTextAsync([learner.Name]);
        await Expect(people.Row(learner.Name)).ToContainTextAsync(learner.Email);
        var person = await people.OpenPersonAsync(learner.Name);
        await Expect(person.Detail("Email address")).ToHaveTextAsync(learner.Email);
        await Expect(person.Detail("Team")).ToHaveTextAsync(Organisation.Team);
        await Expect(person.SupervisionBy(supervisor.Name).Nth(3)).ToHaveTextAsync("Current");

        var newcomer = new PersonDetails($"sam.okafor.{_suffix}@{TestAccounts.EmailDomain}", $"Sam Okafor {_suffix}",
            "Youth worker", workplace.Partnership, workplace.Agency, workplace.Team, Roles.Learner);
        person = await (await (await person.BackToPeopleAsync()).AddPersonAsync()).AddAsync(newcomer);
        await Expect(person.SuccessBanner).ToHaveTextAsync("Account created. We have emailed them a link to choose a password.");
        await Expect(person.Status).ToHaveTextAsync("Active");
        await Expect(person.Detail("Job role")).ToHaveTextAsync("Youth worker");
        await Expect(person.Detail("Partnership")).ToHaveTextAsync(workplace.Partnership);
        await Expect(person.Detail("Agency")).ToHaveTextAsync(workplace.Agency);
        await Expect(person.Detail("Team")).ToHaveTextAsync(workplace.Team);
        await Expect(person.Detail("Roles")).ToHaveTextAsync(Roles.Learner);
        var invitation = Fixture.App.Email.LatestTo(newcomer.Email);
        Assert.Equal("Your CSELearning account", invitation.Subject);
        Assert.StartsWith(new Uri(Session.Address, "account/reset-password?").ToString(), CapturingEmailSender.LinkIn(invitation).ToString(), StringComparison.Ordinal);

        var change = await person.ChangeDetailsAsync();
        // The form starts from the account as it is.
        await Expect(change.Fields.Email).ToHaveValueAsync(newcomer.Email);
        await Expect(change.Fields.Name).ToHaveValueAsync(newcomer.Name);
        await Expect(AppPage.ChosenOption(change.Fields.JobRole)).ToHaveTextAsync("Youth worker");
        await Expect(AppPage.ChosenOption(change.Fields.Agency)).ToHaveTextAsync(PersonFields.AgencyOption(workplace.Agency, workplace.Partnership));
        await Expect(AppPage.ChosenOption(change.Fields.Team)).ToHaveTextAsync(PersonFields.TeamOption(workplace.Team, workplace.Agency));
        await Expect(change.Fields.Role(Roles.Learner)).ToBeCheckedAsync();
        var renamed = $"Samuel Okafor {_suffix}";
        await change.Fields.Name.FillAsync(renamed);
        await change.Fields.JobRole.SelectOptionAsync(new SelectOptionValue { Label = "Support worker" });
        person = await change.SaveAsync(renamed);
        await Expect(person.SuccessBanner).ToHaveTextAsync("Changes saved");
        await Expect(person.Detail("Job role")).ToHaveTextAsync("Support worker");
        await Expect(person.Detail("Email address")).ToHaveTextAsync(newcomer.Email);

        var startsOn = Today.AddDays(-30);
        person = await (await person.AddSupervisorAsync()).AddAsync(AddSupervisorPage.SupervisorOption(supervisor.Name, Organisation.Agency), startsOn);
        await Expect(person.SuccessBanner).ToHaveTextAsync("Supervisor added");
        await ExpectSupervisionAsync(person, supervisor.Name, startsOn, "Ongoing", "Current");

        var lastDay = Today.AddDays(-1);
        person = await person.EndSupervisionAsync(supervisor.Name, lastDay);
        await Expect(person.SuccessBanner).ToHaveTextAsync("Supervision ended");
        await ExpectSupervisionAsync(person, supervisor.Name, startsOn, Shown(lastDay), "Ended");

        person = await person.DeactivateAsync();
        await Expect(person.SuccessBanner).ToHaveTextAsync("Account deactivated. They have been signed out.");
        await Expect(person.Status).ToHaveTextAsync("Deactivated");
        await Expect(person.Detail("Deactivated")).ToBeVisibleAsync();

        person = await person.ReactivateAsync();
        await Expect(person.SuccessBanner).ToHaveTextAsync("Account reactivated");
        await Expect(person.Status).ToHaveTextAsync("Active");
        await Expect(person.Detail("Deactivated")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_imports_people_from_a_csv_file_after_correcting_its_one_bad_row()
    {
        var workplace = await TestAccounts.CreateWorkplaceAsync(Fixture.App.Services,
            $"Westmoor Partnership {_suffix}", $"Westmoor Youth Service {_suffix}", $"Detached Youth Work Team {_suffix}");
        (string Email, string Name) lee = ($"lee.marsh.{_suffix}@{TestAccounts.EmailDomain}", $"Lee Marsh {_suffix}");
        (string Email, string Name) rowan = ($"rowan.price.{_suffix}@{TestAccounts.EmailDomain}", $"Rowan Price {_suffix}");
        var import = await (await SignInAsAdministratorAsync()).OpenImportAsync();
        await import.ChoosePartnershipAsync(workplace.Partnership);

        import = await import.ImportExpectingProblemsAsync(Csv(
            $"{lee.Email},{lee.Name},Youth worker,{workplace.Agency},{workplace.Team},Learner,",
            $"{rowan.Email},{rowan.Name},Wizard,{workplace.Agency},,Learner,"));
        await Expect(import.Errors.Links).ToHaveTextAsync(["1 row has a problem, so no one was imported. Correct the rows listed below and upload the file again."]);
        await Expect(import.ProblemRows).ToHaveCountAsync(1);
        await Expect(import.ProblemRows.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("3");
        await Expect(import.ProblemRows.GetByRole(AriaRole.Cell)).ToContainTextAsync("job_role: \"Wizard\" is not a job role.");
        // The partnership stays chosen; the file, as browsers insist, must be chosen again.
        await Expect(import.ChosenPartnership).ToHaveTextAsync(workplace.Partnership);

        // Lee is in this file too: had the first upload saved anyone, it would be refused as a second account.
        var people = await import.ImportAsync(Csv(
            $"{lee.Email},{lee.Name},Youth worker,{workplace.Agency},{workplace.Team},Learner,",
            $"{rowan.Email},{rowan.Name},Social worker,{workplace.Agency},,Learner,"));
        await Expect(people.SuccessBanner).ToHaveTextAsync("2 accounts imported");

        people = await people.SearchWithKeyboardAsync(_suffix);
        await Expect(people.ResultNames).ToHaveTextAsync([lee.Name, rowan.Name]);
        await Expect(people.Row(lee.Name)).ToContainTextAsync($"{workplace.Agency}, {workplace.Team}");
        await Expect(people.Row(rowan.Name)).ToContainTextAsync("Active");
        Assert.Equal("Your CSELearning account", Fixture.App.Email.LatestTo(lee.Email).Subject);
        Assert.Equal("Your CSELearning account", Fixture.App.Email.LatestTo(rowan.Email).Subject);
    }

    private async Task<AdministrationPage> SignInAsAdministratorAsync()
    {
        var home = await (await SignInPage.OpenAsync(Session)).SignInAsync(Organisation.Administrator);
        return await home.Navigation.OpenAdministrationAsync();
    }

    private static async Task ExpectSupervisionAsync(PersonPage person, string supervisor, DateOnly from, string until, string state)
    {
        var cells = person.SupervisionBy(supervisor);
        await Expect(cells.Nth(1)).ToHaveTextAsync(Shown(from));
        await Expect(cells.Nth(2)).ToHaveTextAsync(until);
        await Expect(cells.Nth(3)).ToHaveTextAsync(state);
    }

    /// <summary>A date as the person page shows it. The site runs in this process, so it formats in the same culture.</summary>
    private static string Shown(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "people.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [CsvHeader, .. rows]) + "\r\n"),
    };
}
