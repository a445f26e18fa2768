using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Administration.Users;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Adding, changing, deactivating and finding people.</summary>
public abstract partial class PeopleTests(AppFactory factory) : AdministrationTest(factory)
{
    [Fact]
    public async Task An_administrator_adds_a_person_who_is_invited_to_choose_a_password()
    {
        var org = await Factory.CreateOrganisationAsync();
        var (browser, _) = await SignInAsAdministratorAsync();

        var response = await browser.PostFormAsync("/admin/users/new", Person(org, "Jo.Bloggs@Riverside.example", Roles.Learner, Roles.Supervisor));

        var user = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "Jo.Bloggs@Riverside.example"));
        AssertRedirect(response, $"/admin/users/{user.Id}");
        Assert.Equal(("Jo Bloggs", JobRole.SocialWorker, org.Agency.Id, org.Team.Id, true), (user.DisplayName, user.JobRole, user.AgencyId, user.TeamId, user.IsActive));
        Assert.Equal("JO.BLOGGS@RIVERSIDE.EXAMPLE", user.NormalizedEmail);
        Assert.Null(user.PasswordHash);
        Assert.True(user.LockoutEnabled);
        Assert.Equal([Roles.Learner, Roles.Supervisor], await RolesOfAsync(user.Id));

        var invitation = Assert.Single(Factory.Email.Sent);
        Assert.Equal("Jo.Bloggs@Riverside.example", invitation.To);
        var link = ResetLink().Match(invitation.Body);
        Assert.True(link.Success, invitation.Body);
        Assert.Contains($"user={user.Id}", link.Value);

        // The invitation works: the person chooses a password and signs in with it.
        var person = Factory.CreateBrowser();
        var form = await person.GetPageAsync(new Uri(link.Value).PathAndQuery);
        var chosen = await person.PostWithTokenAsync("/account/reset-password", Browser.AntiforgeryToken(form),
        [
            new("User", user.Id.ToString()),
            new("Token", WebUtility.HtmlDecode(Regex.Match(form, "name=\"Token\" value=\"([^\"]+)\"").Groups[1].Value)),
            new("NewPassword", "heron-basalt-violin-orchard"),
            new("ConfirmPassword", "heron-basalt-violin-orchard"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync("jo.bloggs@riverside.example", "heron-basalt-violin-orchard")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_can_be_added_without_an_agency()
    {
        var (browser, _) = await SignInAsAdministratorAsync();

        var response = await browser.PostFormAsync("/admin/users/new",
            [new("Email", "sam.admin@platform.example"), new("Name", "Sam Admin"), new("JobRole", "Other"), new("AgencyId", ""), new("TeamId", ""), new("Roles", Roles.Administrator)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "sam.admin@platform.example"));
        Assert.Null(user.AgencyId);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(user.Id));
    }

    [Fact]
    public async Task Bad_new_people_are_refused_change_nothing_and_send_nothing()
    {
        var org = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var other = await Factory.CreateOrganisationAsync("Hillside Partnership");
        await Factory.CreateUserAsync("taken@riverside.example", org, Roles.Learner);
        var (browser, _) = await SignInAsAdministratorAsync();
        const string url = "/admin/users/new";

        await AssertRefusedAsync(browser, url, With(Person(org, "", Roles.Learner)), "Enter an email address.");
        await AssertRefusedAsync(browser, url, With(Person(org, "not-an-email", Roles.Learner)), "Enter an email address in the right format, like name@example.org.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside", Roles.Learner)), "Enter an email address in the right format, like name@example.org.");
        await AssertRefusedAsync(browser, url, With(Person(org, $"{new string('j', 250)}@riverside.example", Roles.Learner)), "The email address must be 256 characters or fewer.");
        await AssertRefusedAsync(browser, url, With(Person(org, "TAKEN@riverside.example", Roles.Learner)), "An account with this email address already exists.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("Name", "")), "Enter a name.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("Name", new string('J', 201))), "The name must be 200 characters or fewer.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("JobRole", "")), "Choose a job role from the list.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("JobRole", "Wizard")), "Choose a job role from the list.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", "Wizard")), "Choose roles from the list.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example")), "Select at least one role.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("AgencyId", ""), ("TeamId", "")), PersonRules.NeedsAgencyMessage);
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Commissioner, Roles.Administrator), ("AgencyId", ""), ("TeamId", "")), PersonRules.NeedsAgencyMessage);
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("TeamId", other.Team.Id.ToString())), "The team must belong to the person's agency.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("AgencyId", Guid.NewGuid().ToString())), "Choose an agency from the list.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo@riverside.example", Roles.Learner), ("TeamId", Guid.NewGuid().ToString())), "Choose a team from the list.");
        Assert.Empty(Factory.Email.Sent);
    }

    [Fact]
    public async Task People_cannot_be_placed_in_an_inactive_agency_or_team()
    {
        var org = await Factory.CreateOrganisationAsync();
        await Factory.WithDbAsync(async db =>
        {
            (await db.Agencies.SingleAsync()).Update(org.Agency.Name, org.Agency.Sector, isActive: false);
            await db.SaveChangesAsync();
        });
        var (browser, _) = await SignInAsAdministratorAsync();

        await AssertRefusedAsync(browser, "/admin/users/new", With(Person(org, "jo@riverside.example", Roles.Learner), ("TeamId", "")), $"{org.Agency.Name} is inactive: choose an active agency.");
    }

    [Fact]
    public async Task An_administrator_changes_a_persons_details_and_roles()
    {
        var org = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var other = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var (browser, _) = await SignInAsAdministratorAsync();

        var response = await browser.PostFormAsync($"/admin/users/{jo.Id}/edit",
            With(Person(other, "jo.bloggs@hillside.example", Roles.Supervisor, Roles.Commissioner), ("Name", "Jo Bloggs-Smith"), ("JobRole", "Manager or supervisor")));

        AssertRedirect(response, $"/admin/users/{jo.Id}");
        var user = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == jo.Id));
        Assert.Equal(("jo.bloggs@hillside.example", "JO.BLOGGS@HILLSIDE.EXAMPLE", "jo.bloggs@hillside.example"), (user.Email, user.NormalizedEmail, user.UserName));
        Assert.Equal(("Jo Bloggs-Smith", JobRole.Manager, other.Agency.Id, other.Team.Id), (user.DisplayName, user.JobRole, user.AgencyId, user.TeamId));
        Assert.Equal([Roles.Supervisor, Roles.Commissioner], await RolesOfAsync(jo.Id));
        // A new email address voids reset links already sent to the old one.
        Assert.NotEqual(jo.SecurityStamp, user.SecurityStamp);

        var details = await browser.GetPageAsync($"/admin/users/{jo.Id}");
        Assert.Contains("Jo Bloggs-Smith", details);
        Assert.Contains("Supervisor, Commissioner", details);
        Assert.Contains("Changes saved", details);
    }

    [Fact]
    public async Task The_change_form_shows_the_person_as_they_are()
    {
        var org = await Factory.CreateOrganisationAsync();
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner, Roles.Supervisor);
        var (browser, _) = await SignInAsAdministratorAsync();

        var form = await browser.GetPageAsync($"/admin/users/{jo.Id}/edit");

        Assert.Contains("value=\"jo.bloggs@riverside.example\"", form);
        Assert.Contains("value=\"SocialWorker\" selected", form);
        Assert.Contains($"value=\"{org.Agency.Id}\" selected", form);
        Assert.Contains($"value=\"{org.Team.Id}\" selected", form);
        Assert.Contains("value=\"Learner\" aria-describedby=\"Roles-item-hint\" checked", form);
        Assert.Contains("value=\"Supervisor\" aria-describedby=\"Roles-Supervisor-item-hint\" checked", form);
        Assert.DoesNotContain("value=\"Administrator\" aria-describedby=\"Roles-Administrator-item-hint\" checked", form);
    }

    [Fact]
    public async Task Bad_changes_are_refused_and_change_nothing()
    {
        var org = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var other = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        await Factory.CreateUserAsync("sam.lee@riverside.example", org, Roles.Learner);
        var (browser, admin) = await SignInAsAdministratorAsync();
        var url = $"/admin/users/{jo.Id}/edit";

        await AssertRefusedAsync(browser, url, With(Person(org, "SAM.LEE@riverside.example", Roles.Learner)), "An account with this email address already exists.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo.bloggs@riverside.example", Roles.Learner), ("TeamId", other.Team.Id.ToString())), "The team must belong to the person's agency.");
        await AssertRefusedAsync(browser, url, With(Person(org, "jo.bloggs@riverside.example", Roles.Learner), ("AgencyId", ""), ("TeamId", "")), PersonRules.NeedsAgencyMessage);
        await AssertRefusedAsync(browser, url, With(Person(org, "jo.bloggs@riverside.example", Roles.Learner), ("Name", " ")), "Enter a name.");
        await AssertRefusedAsync(browser, $"/admin/users/{admin.Id}/edit",
            [new("Email", AdminEmail), new("Name", "Alex Admin"), new("JobRole", "Other"), new("AgencyId", org.Agency.Id.ToString()), new("Roles", Roles.Learner)],
            "You cannot remove your own Administrator role.");
    }

    [Fact]
    public async Task Deactivating_a_person_stops_them_signing_in_and_ends_their_session()
    {
        var org = await Factory.CreateOrganisationAsync();
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var josBrowser = await Factory.SignedInAsync("jo.bloggs@riverside.example");
        var (browser, _) = await SignInAsAdministratorAsync();

        var response = await browser.PostFormAsync($"/admin/users/{jo.Id}", $"/admin/users/{jo.Id}/deactivate", []);

        AssertRedirect(response, $"/admin/users/{jo.Id}");
        var user = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == jo.Id));
        Assert.False(user.IsActive);
        Assert.NotNull(user.DeactivatedAt);
        Assert.NotEqual(jo.SecurityStamp, user.SecurityStamp);
        var details = await browser.GetPageAsync($"/admin/users/{jo.Id}");
        Assert.Contains("Deactivated</strong>", details);
        Assert.Contains("/reactivate", details);

        // Their session ends at once.
        var afterwards = await josBrowser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/account/sign-in", afterwards.Headers.Location?.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync("jo.bloggs@riverside.example")).StatusCode);
    }

    [Fact]
    public async Task Signing_a_person_out_everywhere_ends_all_their_sessions_at_once_and_is_audited()
    {
        var org = await Factory.CreateOrganisationAsync();
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        await Factory.CreateUserAsync("sam.other@riverside.example", org, Roles.Learner);
        var josLaptop = await Factory.SignedInAsync("jo.bloggs@riverside.example");
        var josPhone = await Factory.SignedInAsync("jo.bloggs@riverside.example");
        var someoneElse = await Factory.SignedInAsync("sam.other@riverside.example");
        var (browser, admin) = await SignInAsAdministratorAsync();

        var response = await browser.PostFormAsync($"/admin/users/{jo.Id}", $"/admin/users/{jo.Id}/sign-out-everywhere", []);

        AssertRedirect(response, $"/admin/users/{jo.Id}");
        Assert.Contains("Signed out everywhere", await browser.GetPageAsync($"/admin/users/{jo.Id}"));
        foreach (var josBrowser in new[] { josLaptop, josPhone })
        {
            var afterwards = await josBrowser.GetAsync("/account");
            Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
            Assert.Equal("/account/sign-in", afterwards.Headers.Location?.AbsolutePath);
        }
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/account")).StatusCode);
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == CSELearning.Web.Domain.Audit.AuditAction.SessionsEnded));
        Assert.Equal((admin.Id, jo.Id, jo.Id, "2 session(s)"), (audit.ActorId, audit.SubjectId, audit.OwnerId, audit.Detail));
        // The account stays open: they sign in again.
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync("jo.bloggs@riverside.example")).StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_may_sign_a_person_out_everywhere()
    {
        var org = await Factory.CreateOrganisationAsync();
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        await Factory.CreateUserAsync("sam.other@riverside.example", org, Roles.Supervisor, Roles.Commissioner, Roles.ContentReviewer);
        var josBrowser = await Factory.SignedInAsync("jo.bloggs@riverside.example");
        var other = await Factory.SignedInAsync("sam.other@riverside.example");

        var response = await other.PostWithTokenAsync($"/admin/users/{jo.Id}/sign-out-everywhere", Browser.AntiforgeryToken(await other.GetPageAsync("/account")), []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await josBrowser.GetAsync("/account")).StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Fact]
    public async Task Reactivating_a_person_lets_them_sign_in_again()
    {
        var org = await Factory.CreateOrganisationAsync();
        var jo = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var (browser, _) = await SignInAsAdministratorAsync();
        AssertRedirect(await browser.PostFormAsync($"/admin/users/{jo.Id}", $"/admin/users/{jo.Id}/deactivate", []), $"/admin/users/{jo.Id}");

        var response = await browser.PostFormAsync($"/admin/users/{jo.Id}", $"/admin/users/{jo.Id}/reactivate", []);

        AssertRedirect(response, $"/admin/users/{jo.Id}");
        var user = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == jo.Id));
        Assert.True(user.IsActive);
        Assert.Null(user.DeactivatedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync("jo.bloggs@riverside.example")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_their_own_account()
    {
        var (browser, admin) = await SignInAsAdministratorAsync();
        var before = await SnapshotAsync();

        // The page offers no deactivate button for one's own account; the post is made by hand.
        var page = await browser.GetPageAsync($"/admin/users/{admin.Id}");
        Assert.DoesNotContain($"action=\"/admin/users/{admin.Id}/deactivate\"", page);
        var response = await browser.PostWithTokenAsync($"/admin/users/{admin.Id}/deactivate", Browser.AntiforgeryToken(page), []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html(Deactivate.OwnAccountMessage), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task People_are_found_by_name_or_email_ignoring_case_and_filtered()
    {
        var riverside = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var hillside = await Factory.CreateOrganisationAsync("Hillside Partnership");
        await Factory.CreateUserAsync("jo.bloggs@riverside.example", riverside, Roles.Learner);
        await Factory.CreateUserAsync("priya.shah@riverside.example", riverside, Roles.Supervisor, Roles.Learner);
        var sam = await Factory.CreateUserAsync("sam.lee@hillside.example", hillside, Roles.Learner);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == sam.Id)).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var (browser, _) = await SignInAsAdministratorAsync();

        Assert.Equal(["Jo Bloggs"], Names(await browser.GetPageAsync("/admin/users?Search=bLOGgs")));
        Assert.Equal(["Priya Shah"], Names(await browser.GetPageAsync("/admin/users?Search=PRIYA.SHAH%40")));
        Assert.Equal(["Jo Bloggs", "Priya Shah"], Names(await browser.GetPageAsync($"/admin/users?PartnershipId={riverside.Partnership.Id}")));
        Assert.Equal(["Sam Lee"], Names(await browser.GetPageAsync($"/admin/users?AgencyId={hillside.Agency.Id}")));
        Assert.Equal(["Priya Shah"], Names(await browser.GetPageAsync("/admin/users?Role=Supervisor")));
        Assert.Equal(["Sam Lee"], Names(await browser.GetPageAsync("/admin/users?Status=deactivated")));
        Assert.Equal(["Alex Admin", "Jo Bloggs", "Priya Shah"], Names(await browser.GetPageAsync("/admin/users?Status=active")));
        Assert.Empty(Names(await browser.GetPageAsync("/admin/users?Search=%25")));
        Assert.Contains("Deactivated</strong>", await browser.GetPageAsync("/admin/users?Search=sam"));
    }

    [Fact]
    public async Task People_are_listed_50_to_a_page()
    {
        var org = await Factory.CreateOrganisationAsync();
        await Factory.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 120; i++)
            {
                var user = new User($"person{i:000}@riverside.example", $"Person {i:000}", JobRole.Other, DateTime.UtcNow);
                user.NormalizedEmail = user.Email!.ToUpperInvariant();
                user.NormalizedUserName = user.NormalizedEmail;
                db.Users.Add(user);
            }
            await db.SaveChangesAsync();
        });
        var (browser, _) = await SignInAsAdministratorAsync();

        var first = await browser.GetPageAsync("/admin/users?Search=person");
        var third = await browser.GetPageAsync("/admin/users?Search=person&Page=3");

        Assert.Equal(50, Names(first).Count);
        Assert.Contains("Showing 1 to 50 of 120", first);
        Assert.Contains("href=\"/admin/users?Search=person&amp;Page=2\"", first);
        Assert.Equal(Enumerable.Range(101, 20).Select(i => $"Person {i:000}"), Names(third));
        Assert.Contains("Showing 101 to 120 of 120", third);
    }

    private static List<KeyValuePair<string, string>> Person(TestData.Organisation org, string email, params string[] roles) =>
    [
        new("Email", email), new("Name", "Jo Bloggs"), new("JobRole", "Social worker"),
        new("AgencyId", org.Agency.Id.ToString()), new("TeamId", org.Team.Id.ToString()),
        .. roles.Select(r => new KeyValuePair<string, string>("Roles", r)),
    ];

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, params (string Key, string Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }
        return fields;
    }

    private Task<List<string>> RolesOfAsync(Guid userId) => Factory.WithDbAsync(async db =>
    {
        var names = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return Roles.All.Where(names.Contains).ToList();
    });

    private static List<string> Names(string page) => PersonLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/admin/users/[0-9a-f-]{36}\">([^<]+)</a></td>")]
    private static partial Regex PersonLink();

    [GeneratedRegex(@"https://localhost/account/reset-password\?user=[0-9a-f-]{36}&token=\S+")]
    private static partial Regex ResetLink();
}

public sealed class PeopleTestsOnSqlite(SqliteAppFactory factory) : PeopleTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class PeopleTestsOnPostgres(PostgresAppFactory factory) : PeopleTests(factory), IClassFixture<PostgresAppFactory>;
