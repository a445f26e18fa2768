using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Who supervises whom, and from when to when.</summary>
public abstract class SupervisionTests(AppFactory factory) : AdministrationTest(factory)
{
    private DateOnly Today => DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task An_administrator_assigns_a_supervisor_and_later_ends_the_supervision()
    {
        var org = await Factory.CreateOrganisationAsync();
        var priya = await Factory.CreateUserAsync("priya.shah@riverside.example", org, Roles.Supervisor);
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var (browser, _) = await SignInAsAdministratorAsync();

        var form = await browser.GetPageAsync($"/admin/users/{jo.Id}/supervisors/new");
        Assert.Contains($"value=\"{priya.Id}\"", form);
        Assert.Contains($"value=\"{Iso(Today)}\"", form);
        var assigned = await browser.PostFormAsync($"/admin/users/{jo.Id}/supervisors/new",
            [new("SupervisorId", priya.Id.ToString()), new("StartsOn", Iso(Today.AddDays(-7))), new("EndsOn", "")]);

        AssertRedirect(assigned, $"/admin/users/{jo.Id}");
        var relationship = await Factory.WithDbAsync(db => db.SupervisionRelationships.AsNoTracking().SingleAsync());
        Assert.Equal((priya.Id, jo.Id, Today.AddDays(-7), (DateOnly?)null), (relationship.SupervisorId, relationship.SuperviseeId, relationship.StartsOn, relationship.EndsOn));
        Assert.Contains("Priya Shah", await browser.GetPageAsync($"/admin/users/{jo.Id}"));
        Assert.Contains("Jo Bloggs", await browser.GetPageAsync($"/admin/users/{priya.Id}"));

        var ended = await browser.PostFormAsync($"/admin/users/{jo.Id}", $"/admin/supervision/{relationship.Id}/end", [new("EndsOn", Iso(Today))]);

        AssertRedirect(ended, $"/admin/users/{jo.Id}");
        Assert.Equal(Today, await Factory.WithDbAsync(db => db.SupervisionRelationships.Select(s => s.EndsOn).SingleAsync()));
        // Kept, not deleted, and shown as past once the last day has gone.
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        var later = await Factory.SignedInAsync(AdminEmail);
        Assert.Contains("<td class=\"govuk-table__cell\">Ended</td>", await later.GetPageAsync($"/admin/users/{jo.Id}"));
    }

    [Fact]
    public async Task The_agreed_frequency_of_supervision_is_kept_and_a_bad_one_is_refused_with_the_form_as_typed()
    {
        var org = await Factory.CreateOrganisationAsync();
        var priya = await Factory.CreateUserAsync("priya.shah@riverside.example", org, Roles.Supervisor);
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var (browser, _) = await SignInAsAdministratorAsync();

        foreach (var bad in new[] { "0", "27", "four", "2.5" })
        {
            var refused = await browser.PostFormAsync($"/admin/users/{jo.Id}/supervisors/new",
                [new("SupervisorId", priya.Id.ToString()), new("StartsOn", Iso(Today)), new("FrequencyWeeks", bad)]);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Enter how often they meet as a whole number of weeks from 1 to 26, or leave it empty.", page);
            Assert.Contains($"value=\"{bad}\"", page);
        }
        Assert.Equal(0, await Factory.WithDbAsync(db => db.SupervisionRelationships.CountAsync()));

        var assigned = await browser.PostFormAsync($"/admin/users/{jo.Id}/supervisors/new",
            [new("SupervisorId", priya.Id.ToString()), new("StartsOn", Iso(Today)), new("FrequencyWeeks", " 4 ")]);

        AssertRedirect(assigned, $"/admin/users/{jo.Id}");
        Assert.Equal(4, await Factory.WithDbAsync(db => db.SupervisionRelationships.Select(s => s.FrequencyWeeks).SingleAsync()));
    }

    [Fact]
    public async Task A_new_supervision_may_follow_one_that_has_ended()
    {
        var org = await Factory.CreateOrganisationAsync();
        var priya = await Factory.CreateUserAsync("priya.shah@riverside.example", org, Roles.Supervisor);
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(priya, jo, Today.AddDays(-60), Today.AddDays(-10));
        var (browser, _) = await SignInAsAdministratorAsync();

        var response = await browser.PostFormAsync($"/admin/users/{jo.Id}/supervisors/new",
            [new("SupervisorId", priya.Id.ToString()), new("StartsOn", Iso(Today.AddDays(-9))), new("EndsOn", Iso(Today.AddDays(30)))]);

        AssertRedirect(response, $"/admin/users/{jo.Id}");
        Assert.Equal(2, await Factory.WithDbAsync(db => db.SupervisionRelationships.CountAsync()));
    }

    [Fact]
    public async Task Bad_supervisors_and_dates_are_refused_and_change_nothing()
    {
        var org = await Factory.CreateOrganisationAsync();
        var priya = await Factory.CreateUserAsync("priya.shah@riverside.example", org, Roles.Supervisor);
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner, Roles.Supervisor);
        var sam = await Factory.CreateUserAsync("sam.lee@riverside.example", org, Roles.Learner);
        var kim = await Factory.CreateUserAsync("kim.ray@riverside.example", org, Roles.Supervisor);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == kim.Id)).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        await Factory.SuperviseAsync(priya, jo, Today.AddDays(-30));
        var (browser, _) = await SignInAsAdministratorAsync();
        var url = $"/admin/users/{jo.Id}/supervisors/new";
        List<KeyValuePair<string, string>> Form(string supervisor, string startsOn, string endsOn = "") =>
            [new("SupervisorId", supervisor), new("StartsOn", startsOn), new("EndsOn", endsOn)];

        await AssertRefusedAsync(browser, url, Form("", Iso(Today)), "Choose a supervisor.");
        await AssertRefusedAsync(browser, url, Form(Guid.NewGuid().ToString(), Iso(Today)), "Choose a supervisor from the list.");
        await AssertRefusedAsync(browser, url, Form(sam.Id.ToString(), Iso(Today)), "Sam Lee does not have the Supervisor role.");
        await AssertRefusedAsync(browser, url, Form(kim.Id.ToString(), Iso(Today)), "Kim Ray's account is deactivated.");
        await AssertRefusedAsync(browser, url, Form(jo.Id.ToString(), Iso(Today)), "A person cannot supervise themselves.");
        await AssertRefusedAsync(browser, url, Form(priya.Id.ToString(), Iso(Today.AddDays(10))), "Priya Shah already supervises Jo Bloggs on some of these dates.");
        await AssertRefusedAsync(browser, url, Form(priya.Id.ToString(), Iso(Today.AddDays(-90)), Iso(Today.AddDays(-30))), "Priya Shah already supervises Jo Bloggs on some of these dates.");
        await AssertRefusedAsync(browser, url, Form(sam.Id.ToString(), ""), "Enter the start date.");
        await AssertRefusedAsync(browser, url, Form(kim.Id.ToString(), "31/12/2026"), "The start date must be a real date, written like 2026-11-21.");
        await AssertRefusedAsync(browser, url, Form(kim.Id.ToString(), "2026-02-30"), "The start date must be a real date, written like 2026-11-21.");
        await AssertRefusedAsync(browser, url, Form(sam.Id.ToString(), "0001-01-01"), "The start date must be between 1 January 2000 and 31 December 2099.");
        await AssertRefusedAsync(browser, url, Form(sam.Id.ToString(), Iso(Today), "9999-12-31"), "The end date must be between 1 January 2000 and 31 December 2099.");
        await AssertRefusedAsync(browser, $"/admin/users/{sam.Id}/supervisors/new", Form(priya.Id.ToString(), Iso(Today), Iso(Today.AddDays(-1))), "The end date must be on or after the start date.");
        await AssertRefusedAsync(browser, $"/admin/users/{sam.Id}/supervisors/new", Form(priya.Id.ToString(), Iso(Today), "soon"), "The end date must be a real date, written like 2026-11-21.");
    }

    [Fact]
    public async Task Bad_end_dates_are_refused_and_change_nothing()
    {
        var org = await Factory.CreateOrganisationAsync();
        var priya = await Factory.CreateUserAsync("priya.shah@riverside.example", org, Roles.Supervisor);
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var sam = await Factory.CreateUserAsync("sam.lee@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(priya, jo, Today.AddDays(-30));
        await Factory.SuperviseAsync(priya, sam, Today.AddDays(-30), Today.AddDays(-5));
        var (current, ended) = await Factory.WithDbAsync(async db => (
            await db.SupervisionRelationships.Where(s => s.SuperviseeId == jo.Id).Select(s => s.Id).SingleAsync(),
            await db.SupervisionRelationships.Where(s => s.SuperviseeId == sam.Id).Select(s => s.Id).SingleAsync()));
        var (browser, _) = await SignInAsAdministratorAsync();
        var page = $"/admin/users/{jo.Id}";

        await AssertRefusedAsync(browser, $"/admin/supervision/{current}/end", [new("EndsOn", Iso(Today.AddDays(-31)))], "The end date must be on or after the start date.", page);
        await AssertRefusedAsync(browser, $"/admin/supervision/{current}/end", [new("EndsOn", "")], "Enter the last day of supervision.", page);
        await AssertRefusedAsync(browser, $"/admin/supervision/{current}/end", [new("EndsOn", "tomorrow")], "The last day of supervision must be a real date, written like 2026-11-21.", page);
        await AssertRefusedAsync(browser, $"/admin/supervision/{ended}/end", [new("EndsOn", Iso(Today))], "This supervision has already ended.", page, crafted: true);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SupervisionTestsOnSqlite(SqliteAppFactory factory) : SupervisionTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class SupervisionTestsOnPostgres(PostgresAppFactory factory) : SupervisionTests(factory), IClassFixture<PostgresAppFactory>;
