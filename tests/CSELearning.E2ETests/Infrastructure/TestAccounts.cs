using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>Someone who can sign in: the address and password a journey types.</summary>
public sealed record Account(string Email, string Name, string Password);

/// <summary>The organisation every journey works in, and one account for each role.</summary>
public sealed record TestOrganisation(
    string Partnership, string Agency, string Team,
    Account Learner, Account Supervisor, Account Commissioner, Account Administrator)
{
    public Account For(string role) => role switch
    {
        Roles.Learner => Learner,
        Roles.Supervisor => Supervisor,
        Roles.Commissioner => Commissioner,
        Roles.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No such role."),
    };
}

/// <summary>A partnership with one agency (in children's social care) and one team in it, named as the site shows them.</summary>
public sealed record Workplace(string Partnership, string Agency, string Team);

/// <summary>Puts organisations and people straight into the database through the application's own services.</summary>
public static class TestAccounts
{
    /// <summary>Every test account's first password: made up for the tests and in no common-password list.</summary>
    public const string Password = "orbit-lantern-meadow-quartz";

    public const string EmailDomain = "riverside-partnership.example";

    // Hashed once at the production cost, not once per account: the site checks it exactly as it would a real
    // one. Identity's hasher does not look at the user it is given.
    private static readonly Lazy<string> PasswordHash = new(() =>
        new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordPolicy.HashIterations }))
            .HashPassword(new User($"hasher@{EmailDomain}", "Hasher", JobRole.Other, DateTime.UnixEpoch), Password));

    public static async Task<TestOrganisation> SeedOrganisationAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var partnership = new Partnership("Riverside Safeguarding Children Partnership", now);
        var agency = new Agency(partnership.Id, "Riverside Council Children's Services", AgencySector.ChildrensSocialCare);
        var team = new Team(agency.Id, "Adolescent Safeguarding Team");
        db.AddRange(partnership, agency, team);
        await db.SaveChangesAsync();

        var learner = await CreateAsync(scope.ServiceProvider, "jordan.ellis", "Jordan Ellis", JobRole.SocialWorker, agency, team, Roles.Learner);
        var supervisor = await CreateAsync(scope.ServiceProvider, "priya.shah", "Priya Shah", JobRole.Manager, agency, team, Roles.Supervisor);
        var commissioner = await CreateAsync(scope.ServiceProvider, "morgan.lewis", "Morgan Lewis", JobRole.Commissioner, agency, null, Roles.Commissioner);
        var administrator = await CreateAsync(scope.ServiceProvider, "alex.morgan", "Alex Morgan", JobRole.Other, null, null, Roles.Administrator);

        db.SupervisionRelationships.Add(new SupervisionRelationship(
            supervisor.Id, learner.Id, DateOnly.FromDateTime(now).AddMonths(-3)));
        await db.SaveChangesAsync();

        return new TestOrganisation(partnership.Name, agency.Name, team.Name,
            AccountOf(learner), AccountOf(supervisor), AccountOf(commissioner), AccountOf(administrator));
    }

    /// <summary>
    /// A learner of their own, for a journey that changes the account (its password, say) and so must not
    /// share it with other journeys.
    /// </summary>
    public static async Task<Account> CreateLearnerAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        return AccountOf(await CreateAsync(scope.ServiceProvider, UniqueLocalPart(name), name, JobRole.YouthWorker, null, null, Roles.Learner));
    }

    /// <summary>A content reviewer, who reads item analysis and sees no person.</summary>
    public static async Task<Account> CreateContentReviewerAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        return AccountOf(await CreateAsync(scope.ServiceProvider, UniqueLocalPart(name), name, JobRole.Other, null, null, Roles.ContentReviewer));
    }

    /// <summary>
    /// A learner and a supervisor of their own, the supervision current since last month: for a journey in
    /// which one shares work with the other, whose caseload must hold nothing from other journeys.
    /// </summary>
    public static async Task<(Account Learner, Account Supervisor)> CreateSupervisionAsync(IServiceProvider services, string learnerName, string supervisorName)
    {
        await using var scope = services.CreateAsyncScope();
        var learner = await CreateAsync(scope.ServiceProvider, UniqueLocalPart(learnerName), learnerName, JobRole.YouthWorker, null, null, Roles.Learner);
        var supervisor = await CreateAsync(scope.ServiceProvider, UniqueLocalPart(supervisorName), supervisorName, JobRole.Manager, null, null, Roles.Supervisor);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SupervisionRelationships.Add(new SupervisionRelationship(
            supervisor.Id, learner.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1)));
        await db.SaveChangesAsync();
        return (AccountOf(learner), AccountOf(supervisor));
    }

    /// <summary>The name as an address's local part, with a suffix that no other account has.</summary>
    private static string UniqueLocalPart(string name) => $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// A partnership of its own, for a journey that places people in an agency and so must not change the
    /// shared organisation's figures (a commissioner's journey counts the people in its agency).
    /// </summary>
    public static async Task<Workplace> CreateWorkplaceAsync(IServiceProvider services, string partnershipName, string agencyName, string teamName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partnership = new Partnership(partnershipName, DateTime.UtcNow);
        var agency = new Agency(partnership.Id, agencyName, AgencySector.ChildrensSocialCare);
        var team = new Team(agency.Id, teamName);
        db.AddRange(partnership, agency, team);
        await db.SaveChangesAsync();
        return new Workplace(partnership.Name, agency.Name, team.Name);
    }

    private static async Task<User> CreateAsync(IServiceProvider services, string localPart, string name, JobRole jobRole,
        Agency? agency, Team? team, params string[] roles)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = new User($"{localPart}@{EmailDomain}", name, jobRole, DateTime.UtcNow);
        user.PlaceIn(agency, team);
        user.PasswordHash = PasswordHash.Value;
        Check(await users.CreateAsync(user));
        Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    private static Account AccountOf(User user) => new(user.Email!, user.DisplayName, Password);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
