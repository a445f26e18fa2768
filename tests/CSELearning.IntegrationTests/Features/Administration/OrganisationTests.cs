using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Partnerships, their agencies and the agencies' teams.</summary>
public abstract class OrganisationTests(AppFactory factory) : AdministrationTest(factory)
{
    [Fact]
    public async Task An_administrator_builds_a_partnership_with_an_agency_and_a_team()
    {
        var (browser, _) = await SignInAsAdministratorAsync();

        var created = await browser.PostFormAsync("/admin/partnerships/new", [new("Name", "  Riverside Safeguarding Partnership  ")]);
        var partnership = await Factory.WithDbAsync(db => db.Partnerships.SingleAsync());
        AssertRedirect(created, $"/admin/partnerships/{partnership.Id}");
        Assert.Equal("Riverside Safeguarding Partnership", partnership.Name);

        AssertRedirect(await browser.PostFormAsync($"/admin/partnerships/{partnership.Id}/agencies/new", [new("Name", "Riverside Police"), new("Sector", nameof(AgencySector.Police))]),
            $"/admin/partnerships/{partnership.Id}");
        var agency = await Factory.WithDbAsync(db => db.Agencies.SingleAsync());
        Assert.Equal(("Riverside Police", AgencySector.Police, true, partnership.Id), (agency.Name, agency.Sector, agency.IsActive, agency.PartnershipId));

        AssertRedirect(await browser.PostFormAsync($"/admin/agencies/{agency.Id}/teams/new", [new("Name", "Exploitation Hub")]),
            $"/admin/partnerships/{partnership.Id}");
        var team = await Factory.WithDbAsync(db => db.Teams.SingleAsync());
        Assert.Equal(("Exploitation Hub", true, agency.Id), (team.Name, team.IsActive, team.AgencyId));

        var details = await browser.GetPageAsync($"/admin/partnerships/{partnership.Id}");
        Assert.Contains("Riverside Police", details);
        Assert.Contains("Exploitation Hub", details);
        Assert.Contains("Team added", details);
        Assert.Contains("Riverside Safeguarding Partnership", await browser.GetPageAsync("/admin/partnerships"));
    }

    [Fact]
    public async Task The_partnership_page_counts_active_people_in_each_agency_and_team()
    {
        var org = await Factory.CreateOrganisationAsync();
        await Factory.CreateUserAsync("one@riverside.example", org, Roles.Learner);
        await Factory.CreateUserAsync("two@riverside.example", org, Roles.Learner);
        var gone = await Factory.CreateUserAsync("gone@riverside.example", org, Roles.Learner);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == gone.Id)).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var (browser, _) = await SignInAsAdministratorAsync();

        var page = await browser.GetPageAsync($"/admin/partnerships/{org.Partnership.Id}");

        Assert.Contains("<dd class=\"govuk-summary-list__value\">2</dd>", page);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>", page);
    }

    [Fact]
    public async Task An_administrator_renames_a_partnership_and_changes_and_deactivates_an_agency_and_a_team()
    {
        var org = await Factory.CreateOrganisationAsync();
        var (browser, _) = await SignInAsAdministratorAsync();

        AssertRedirect(await browser.PostFormAsync($"/admin/partnerships/{org.Partnership.Id}/edit", [new("Name", "Riverside and Hillside Partnership")]),
            $"/admin/partnerships/{org.Partnership.Id}");
        AssertRedirect(await browser.PostFormAsync($"/admin/agencies/{org.Agency.Id}/edit", [new("Name", "Riverside Youth Service"), new("Sector", "YouthServices"), new("IsActive", "false")]),
            $"/admin/partnerships/{org.Partnership.Id}");
        AssertRedirect(await browser.PostFormAsync($"/admin/teams/{org.Team.Id}/edit", [new("Name", "Detached Youth Work"), new("IsActive", "false")]),
            $"/admin/partnerships/{org.Partnership.Id}");

        await Factory.WithDbAsync(async db =>
        {
            Assert.Equal("Riverside and Hillside Partnership", (await db.Partnerships.SingleAsync()).Name);
            var agency = await db.Agencies.SingleAsync();
            Assert.Equal(("Riverside Youth Service", AgencySector.YouthServices, false), (agency.Name, agency.Sector, agency.IsActive));
            var team = await db.Teams.SingleAsync();
            Assert.Equal(("Detached Youth Work", false), (team.Name, team.IsActive));
        });
        var page = await browser.GetPageAsync($"/admin/partnerships/{org.Partnership.Id}");
        Assert.Contains("Inactive", page);

        // Marked inactive, not deleted: they can be made active again.
        AssertRedirect(await browser.PostFormAsync($"/admin/teams/{org.Team.Id}/edit", [new("Name", "Detached Youth Work"), new("IsActive", "true")]),
            $"/admin/partnerships/{org.Partnership.Id}");
        Assert.True(await Factory.WithDbAsync(db => db.Teams.Select(t => t.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Bad_partnership_names_are_refused_and_change_nothing()
    {
        await Factory.CreateOrganisationAsync("Riverside Partnership");
        var other = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var (browser, _) = await SignInAsAdministratorAsync();

        await AssertRefusedAsync(browser, "/admin/partnerships/new", [new("Name", "")], "Enter a name.");
        await AssertRefusedAsync(browser, "/admin/partnerships/new", [new("Name", "   ")], "Enter a name.");
        await AssertRefusedAsync(browser, "/admin/partnerships/new", [new("Name", new string('x', Partnership.NameMaxLength + 1))], "The name must be 200 characters or fewer.");
        await AssertRefusedAsync(browser, "/admin/partnerships/new", [new("Name", "riverside PARTNERSHIP")], "A partnership with this name already exists.");
        await AssertRefusedAsync(browser, $"/admin/partnerships/{other.Partnership.Id}/edit", [new("Name", "Riverside Partnership")], "A partnership with this name already exists.");
        await AssertRefusedAsync(browser, $"/admin/partnerships/{other.Partnership.Id}/edit", [new("Name", "")], "Enter a name.");
    }

    [Fact]
    public async Task Bad_agencies_are_refused_and_change_nothing()
    {
        var org = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var elsewhere = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var (browser, _) = await SignInAsAdministratorAsync();
        var url = $"/admin/partnerships/{org.Partnership.Id}/agencies/new";

        await AssertRefusedAsync(browser, url, [new("Name", ""), new("Sector", "Police")], "Enter a name.");
        await AssertRefusedAsync(browser, url, [new("Name", new string('x', 201)), new("Sector", "Police")], "The name must be 200 characters or fewer.");
        await AssertRefusedAsync(browser, url, [new("Name", "Riverside Police"), new("Sector", "")], "Choose the agency's sector.");
        await AssertRefusedAsync(browser, url, [new("Name", "Riverside Police"), new("Sector", "Fire brigade")], "Choose the agency's sector.");
        await AssertRefusedAsync(browser, url, [new("Name", org.Agency.Name.ToUpperInvariant()), new("Sector", "Police")], "This partnership already has an agency with this name.");
        var edit = $"/admin/agencies/{org.Agency.Id}/edit";
        await AssertRefusedAsync(browser, edit, [new("Name", " "), new("Sector", "Police"), new("IsActive", "true")], "Enter a name.");
        await AssertRefusedAsync(browser, edit, [new("Name", "Renamed"), new("Sector", "Police")], "Choose whether the agency is active.");

        // The same name in another partnership is fine.
        AssertRedirect(await browser.PostFormAsync(url, [new("Name", elsewhere.Agency.Name), new("Sector", "Health")]), $"/admin/partnerships/{org.Partnership.Id}");
    }

    [Fact]
    public async Task Bad_teams_are_refused_and_change_nothing()
    {
        var org = await Factory.CreateOrganisationAsync();
        var (browser, _) = await SignInAsAdministratorAsync();
        var url = $"/admin/agencies/{org.Agency.Id}/teams/new";

        await AssertRefusedAsync(browser, url, [new("Name", "")], "Enter a name.");
        await AssertRefusedAsync(browser, url, [new("Name", new string('x', 201))], "The name must be 200 characters or fewer.");
        await AssertRefusedAsync(browser, url, [new("Name", " exploitation TEAM ")], "This agency already has a team with this name.");
        var edit = $"/admin/teams/{org.Team.Id}/edit";
        await AssertRefusedAsync(browser, edit, [new("Name", ""), new("IsActive", "true")], "Enter a name.");
        await AssertRefusedAsync(browser, edit, [new("Name", "Renamed")], "Choose whether the team is active.");
    }

    [Fact]
    public async Task The_forms_show_what_is_there_now()
    {
        var org = await Factory.CreateOrganisationAsync();
        var (browser, _) = await SignInAsAdministratorAsync();

        Assert.Contains($"value=\"{Html(org.Partnership.Name)}\"", await browser.GetPageAsync($"/admin/partnerships/{org.Partnership.Id}/edit"));
        var agencyForm = await browser.GetPageAsync($"/admin/agencies/{org.Agency.Id}/edit");
        Assert.Contains($"value=\"{Html(org.Agency.Name)}\"", agencyForm);
        Assert.Contains("value=\"ChildrensSocialCare\" selected", agencyForm);
        Assert.Contains($"value=\"{Html(org.Team.Name)}\"", await browser.GetPageAsync($"/admin/teams/{org.Team.Id}/edit"));
        var overview = await browser.GetPageAsync("/admin");
        Assert.Contains("/admin/users/import", overview);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/partnerships")).StatusCode);
    }
}

public sealed class OrganisationTestsOnSqlite(SqliteAppFactory factory) : OrganisationTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class OrganisationTestsOnPostgres(PostgresAppFactory factory) : OrganisationTests(factory), IClassFixture<PostgresAppFactory>;
