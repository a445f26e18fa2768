using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Home;

public abstract class HomePageTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string LearnerSection = "Your learning and supervision";
    private const string SupervisorSection = "People you supervise";
    private const string AdministratorSection = "Administration</h2>";

    [Fact]
    public async Task A_learner_sees_their_agency_team_and_current_supervisor_only()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("hana.ito@riverside.example", org, Roles.Supervisor);
        var former = await Factory.CreateUserAsync("old.boss@riverside.example", org, Roles.Supervisor);
        var learner = await Factory.CreateUserAsync("dev.patel@riverside.example", org, Roles.Learner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Factory.SuperviseAsync(supervisor, learner, today.AddMonths(-1));
        await Factory.SuperviseAsync(former, learner, today.AddYears(-1), today.AddMonths(-2));

        var page = await (await Factory.SignedInAsync(learner.Email!)).GetPageAsync("/");

        Assert.Contains(LearnerSection, page);
        Assert.Contains(org.Agency.Name.Replace("'", "&#x27;", StringComparison.Ordinal), page);
        Assert.Contains("Exploitation Team", page);
        Assert.Contains("Hana Ito", page);
        Assert.Contains("<a class=\"govuk-link\" href=\"/modules\">See the modules for your role</a>", page);
        Assert.DoesNotContain("Old Boss", page);
        Assert.DoesNotContain(SupervisorSection, page);
        Assert.DoesNotContain(AdministratorSection, page);
    }

    [Fact]
    public async Task A_supervisor_sees_the_people_they_supervise_now()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("hana.ito@riverside.example", org, Roles.Supervisor);
        var current = await Factory.CreateUserAsync("dev.patel@riverside.example", org, Roles.Learner);
        var ended = await Factory.CreateUserAsync("ex.member@riverside.example", org, Roles.Learner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Factory.SuperviseAsync(supervisor, current, today.AddMonths(-1));
        await Factory.SuperviseAsync(supervisor, ended, today.AddYears(-1), today.AddDays(-1));

        var page = await (await Factory.SignedInAsync(supervisor.Email!)).GetPageAsync("/");

        Assert.Contains(SupervisorSection, page);
        Assert.Contains("Dev Patel", page);
        Assert.DoesNotContain("Ex Member", page);
        Assert.DoesNotContain(LearnerSection, page);
    }

    [Fact]
    public async Task A_commissioner_sees_headcounts_for_their_own_partnership_only()
    {
        var mine = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var other = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var commissioner = await Factory.CreateUserAsync("morgan.lee@riverside.example", mine, Roles.Commissioner);
        await Factory.CreateUserAsync("a.one@riverside.example", mine, Roles.Learner);
        await Factory.CreateUserAsync("b.two@riverside.example", mine, Roles.Learner);
        await Factory.CreateUserAsync("c.three@hillside.example", other, Roles.Learner);

        var page = await (await Factory.SignedInAsync(commissioner.Email!)).GetPageAsync("/");

        Assert.Contains("Riverside Partnership", page);
        Assert.DoesNotContain("Hillside", page);
        Assert.Matches(@"numeric"">3</td>\s*<td class=""govuk-table__cell govuk-table__cell--numeric"">Fewer than 5</td>\s*</tr>", page); // the commissioner and two learners
        Assert.DoesNotContain("A One", page); // counts, never names
    }

    [Theory]
    [InlineData(4, "Fewer than 5")]
    [InlineData(5, "5")]
    public async Task A_commissioner_sees_how_many_people_had_a_log_signed_off_with_small_numbers_suppressed(int people, string shown)
    {
        var mine = await Factory.CreateOrganisationAsync("Riverside Partnership");
        var commissioner = await Factory.CreateUserAsync("morgan.lee@riverside.example", mine, Roles.Commissioner);
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", mine, Roles.Supervisor);
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        for (var i = 0; i < people; i++)
        {
            var learner = await Factory.CreateUserAsync($"learner.{i}@riverside.example", mine, Roles.Learner);
            await Factory.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                var log = new ReflectiveLog(learner.Id, new ReflectionText("A private title", new Dictionary<GibbsStage, string> { [GibbsStage.Description] = "Private words" }), protector, now);
                log.Share(learner.Id, 1, now);
                log.SignOff(supervisor.Id, 2, now);
                db.ReflectiveLogs.Add(log);
                await db.SaveChangesAsync();
            });
        }

        var page = await (await Factory.SignedInAsync(commissioner.Email!)).GetPageAsync("/");

        Assert.Contains("People with a reflective log signed off", page);
        Assert.Matches($@"numeric"">{shown}</td>\s*</tr>", page);
        Assert.DoesNotContain("Private", page);
    }

    [Fact]
    public async Task An_administrator_sees_platform_counts()
    {
        await Factory.CreateOrganisationAsync();
        var admin = await Factory.CreateUserAsync("root.admin@riverside.example", null, Roles.Administrator);

        var page = await (await Factory.SignedInAsync(admin.Email!)).GetPageAsync("/");

        Assert.Contains(AdministratorSection, page);
        Assert.DoesNotContain(LearnerSection, page);
    }

    [Fact]
    public async Task A_person_with_several_roles_sees_a_section_for_each()
    {
        var org = await Factory.CreateOrganisationAsync();
        var person = await Factory.CreateUserAsync("multi.role@riverside.example", org, Roles.Learner, Roles.Supervisor, Roles.Administrator);

        var page = await (await Factory.SignedInAsync(person.Email!)).GetPageAsync("/");

        Assert.Contains(LearnerSection, page);
        Assert.Contains(SupervisorSection, page);
        Assert.Contains(AdministratorSection, page);
    }
}

public sealed class HomePageTestsOnSqlite(SqliteAppFactory factory) : HomePageTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class HomePageTestsOnPostgres(PostgresAppFactory factory) : HomePageTests(factory), IClassFixture<PostgresAppFactory>;
