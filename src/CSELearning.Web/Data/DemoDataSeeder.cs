using System.Security.Cryptography;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Data;

// Creates a small, realistic partnership with one account for each role, for trying the site in
// Development. Runs only on a database with no accounts; passwords are random and shown once.
public sealed class DemoDataSeeder(AppDbContext db, UserManager<User> users, TimeProvider time)
{
    public const string EmailDomain = "northbridge-partnership.example";

    public sealed record DemoAccount(string Role, string Name, string Email, string Password);

    public async Task<IReadOnlyList<DemoAccount>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken)) return [];
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        var partnership = new Partnership("Northbridge Safeguarding Children Partnership", now);
        var police = new Agency(partnership.Id, "Northbridge Police", AgencySector.Police);
        var health = new Agency(partnership.Id, "Northbridge Community Health NHS Trust", AgencySector.Health);
        var social = new Agency(partnership.Id, "Northbridge Council Children's Services", AgencySector.ChildrensSocialCare);
        var missingTeam = new Team(police.Id, "Missing and Exploitation Team");
        var sexualHealth = new Team(health.Id, "Young People's Sexual Health Service");
        var adolescent = new Team(social.Id, "Adolescent Safeguarding Team");
        db.AddRange(partnership, police, health, social, missingTeam, sexualHealth, adolescent);
        await db.SaveChangesAsync(cancellationToken);

        var accounts = new List<DemoAccount>();
        async Task<User> Add(string role, string name, string localPart, JobRole job, Agency? agency, Team? team, params string[] roles)
        {
            var user = new User($"{localPart}@{EmailDomain}", name, job, now);
            user.PlaceIn(agency, team);
            var password = NewPassword();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {localPart}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded) throw new InvalidOperationException($"Demo roles for {localPart}: {string.Join("; ", added.Errors.Select(e => e.Description))}");
            accounts.Add(new DemoAccount(role, name, user.Email!, password));
            return user;
        }

        await Add("Administrator", "Alex Morgan", "admin", JobRole.Other, null, null, Roles.Administrator);
        var supervisor = await Add("Supervisor", "Priya Shah", "supervisor", JobRole.Manager, social, adolescent, Roles.Supervisor, Roles.Learner);
        var learners = new[]
        {
            await Add("Learner", "Jordan Ellis", "learner1", JobRole.SocialWorker, social, adolescent, Roles.Learner),
            await Add("Learner", "Sam O'Connor", "learner2", JobRole.SupportWorker, social, adolescent, Roles.Learner),
            await Add("Learner", "Chloé Nowak", "learner3", JobRole.YouthWorker, social, adolescent, Roles.Learner),
        };
        await Add("Commissioner", "Morgan Lewis", "commissioner", JobRole.Commissioner, health, null, Roles.Commissioner);
        await Add("Content reviewer", "Rowan Hale", "reviewer", JobRole.Other, null, null, Roles.ContentReviewer);

        foreach (var learner in learners)
            db.SupervisionRelationships.Add(new SupervisionRelationship(supervisor.Id, learner.Id, today.AddMonths(-3), frequencyWeeks: 4));
        await db.SaveChangesAsync(cancellationToken);
        return accounts;
    }

    public static void PrintOnce(IReadOnlyList<DemoAccount> accounts, TextWriter console)
    {
        console.WriteLine();
        console.WriteLine("Demo accounts created. The passwords are shown this once and are stored only as hashes:");
        foreach (var a in accounts)
            console.WriteLine($"  {a.Role,-16} {a.Name,-14} {a.Email,-45} {a.Password}");
        console.WriteLine();
    }

    // Four groups of random letters and digits: 23 characters, about 100 bits.
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 5)));
        return string.Join('-', groups);
    }
}
