using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>Builds the organisations and people a test needs, straight into the database.</summary>
public static class TestData
{
    /// <summary>The password every test account has; made up for the tests, in no common list.</summary>
    public const string Password = "orbit-lantern-meadow-quartz";

    // Hashing at the production cost once, not once per account.
    private static readonly Lazy<string> PasswordHash = new(() =>
        new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordPolicy.HashIterations }))
            .HashPassword(null!, Password));

    public sealed record Organisation(Partnership Partnership, Agency Agency, Team Team);

    public static async Task<Organisation> CreateOrganisationAsync(this AppFactory factory, string name = "Riverside Safeguarding Partnership")
    {
        return await factory.WithDbAsync(async db =>
        {
            var partnership = new Partnership(name, DateTime.UtcNow);
            var agency = new Agency(partnership.Id, $"{name} Children's Services", AgencySector.ChildrensSocialCare);
            var team = new Team(agency.Id, "Exploitation Team");
            db.AddRange(partnership, agency, team);
            await db.SaveChangesAsync();
            return new Organisation(partnership, agency, team);
        });
    }

    public static async Task<User> CreateUserAsync(this AppFactory factory, string email, Organisation? organisation, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new User(email, NameFrom(email), organisation is null ? JobRole.Other : JobRole.SocialWorker, DateTime.UtcNow);
        if (organisation is not null)
        {
            var agency = await db.Agencies.FindAsync(organisation.Agency.Id);
            var team = await db.Teams.FindAsync(organisation.Team.Id);
            user.PlaceIn(agency, team);
        }
        user.PasswordHash = PasswordHash.Value;
        Check(await users.CreateAsync(user));
        if (roles.Length > 0) Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    public static async Task SuperviseAsync(this AppFactory factory, User supervisor, User supervisee, DateOnly startsOn, DateOnly? endsOn = null, int? frequencyWeeks = null)
    {
        await factory.WithDbAsync(async db =>
        {
            db.SupervisionRelationships.Add(new SupervisionRelationship(supervisor.Id, supervisee.Id, startsOn, endsOn, frequencyWeeks));
            await db.SaveChangesAsync();
        });
    }

    private static string NameFrom(string email)
    {
        var local = email.Split('@')[0].Replace('.', ' ');
        return System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(local);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Certificates for <paramref name="learner"/>, one for each date, each with its own progress and completion
    /// of the sample module (else the first published), written in one save (quicker than playing the module through each time).
    /// </summary>
    public static async Task<IReadOnlyList<Certificate>> IssueCertificatesAsync(this AppFactory factory, User learner, params DateTime[] completedAt)
    {
        var catalog = factory.Services.GetRequiredService<ContentCatalog>();
        var module = catalog.Find("recognising-exploitation") ?? catalog.Modules[0];
        return await factory.WithDbAsync(async db =>
        {
            var first = await db.ModuleProgress.Where(p => p.UserId == learner.Id).Select(p => (int?)p.Number).MaxAsync() ?? 0;
            var certificates = new List<Certificate>();
            foreach (var (at, i) in completedAt.Select((at, i) => (at, i)))
            {
                var progress = new ModuleProgress(learner.Id, module, first + i + 1, at.AddMinutes(-30));
                var completion = progress.Complete(module, 90, at);
                var certificate = new Certificate(completion, module, learner.DisplayName, "Riverside Safeguarding Partnership", at);
                db.ModuleProgress.Add(progress);
                db.ModuleCompletions.Add(completion);
                db.Certificates.Add(certificate);
                certificates.Add(certificate);
            }
            await db.SaveChangesAsync();
            return certificates;
        });
    }
}
