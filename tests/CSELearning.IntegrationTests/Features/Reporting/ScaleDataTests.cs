using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Administration.ScaleData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Reporting;

/// <summary>The generated partnership for demonstrations and benchmarks: made as the site would make it, and the same every time from a seed.</summary>
public abstract class ScaleDataTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_same_seed_makes_the_same_partnership_and_the_reports_read_it()
    {
        var first = await GenerateAsync(seed: 3);
        var firstPicture = await PictureAsync();
        await Factory.ResetAsync();
        var second = await GenerateAsync(seed: 3);

        Assert.Equal(first, second);
        Assert.Equal(firstPicture, await PictureAsync());
        Assert.Equal((6, 18, 300), (second.Agencies, second.Teams, second.Learners));
        Assert.InRange(second.Events, 3_000, 3_100); // stops at the first learner past the figure asked for
        Assert.True(second.Completions > 0 && second.Completions < second.Progress);
        Assert.Equal(second.Decisions, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
        Assert.Equal(second.Attempts, await Factory.WithDbAsync(db => db.CheckAttempts.CountAsync()));
        Assert.Equal(second.Completions, await Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync()));
        Assert.Equal(300, await Factory.WithDbAsync(db => db.UserRoles.CountAsync()));

        var partnership = await Factory.WithDbAsync(db => db.Partnerships.SingleAsync());
        var org = await Factory.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.OrderBy(a => a.Name).FirstAsync();
            return new TestData.Organisation(partnership, agency, await db.Teams.FirstAsync(t => t.AgencyId == agency.Id));
        });
        await Factory.CreateUserAsync("admin.person@riverside.example", org, Roles.Administrator);
        var admin = await Factory.SignedInAsync("admin.person@riverside.example");
        foreach (var report in new[] { "uptake?by=Agency", "uptake?by=Team", "trends", "scenarios", "targets" })
            Assert.Contains("Generated Partnership (seed 3)", await admin.GetPageAsync("/reports/" + report));

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => GenerateAsync(seed: 3));
        Assert.Contains("already exists", again.Message);
    }

    private async Task<ScaleDataGenerator.Summary> GenerateAsync(int seed)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var generator = ActivatorUtilities.CreateInstance<ScaleDataGenerator>(scope.ServiceProvider);
        return await generator.GenerateAsync(new ScaleDataGenerator.Options(300, 6, 3_000, seed, Now), TextWriter.Null, CancellationToken.None);
    }

    /// <summary>What a seed decides: who the people are, where they work, what they chose and scored, and when.</summary>
    private Task<string> PictureAsync() => Factory.WithDbAsync(async db =>
    {
        var people = await db.Users.OrderBy(u => u.Email).Select(u => u.Email + "|" + u.DisplayName + "|" + u.JobRole + "|" + u.Agency!.Name + "|" + u.Team!.Name).ToListAsync();
        var choices = await db.ScenarioDecisions.GroupBy(d => new { d.NodeId, d.ChoiceNumber }).Select(g => new { g.Key.NodeId, g.Key.ChoiceNumber, Count = g.Count() })
            .OrderBy(x => x.NodeId).ThenBy(x => x.ChoiceNumber).ToListAsync();
        var completed = await db.ModuleCompletions.OrderBy(c => c.CompletedAt).Select(c => c.CompletedAt + "|" + c.ScorePercent).ToListAsync();
        return string.Join("\n", people) + "\n" + string.Join("\n", choices) + "\n" + string.Join("\n", completed);
    });
}

public sealed class ScaleDataTestsOnSqlite(Features.Modules.ModuleSqliteAppFactory factory) : ScaleDataTests(factory), IClassFixture<Features.Modules.ModuleSqliteAppFactory>;
public sealed class ScaleDataTestsOnPostgres(Features.Modules.ModulePostgresAppFactory factory) : ScaleDataTests(factory), IClassFixture<Features.Modules.ModulePostgresAppFactory>;
