using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Commands;
using CSELearning.Web.Domain;
using System.Net;
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

    [Fact]
    public async Task Enable_sign_in_lets_the_first_learners_and_a_commissioner_of_the_partnership_sign_in_with_the_password_from_the_environment()
    {
        await GenerateAsync(seed: 5);
        var password = "bench-" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?> { ["BENCH_TEST_PASSWORD"] = password };

        var (code, _, _) = await EnableSignInAsync(["--seed", "5", "--learners", "3", "--password-env", "BENCH_TEST_PASSWORD"], environment);

        Assert.Equal(0, code);
        foreach (var email in new[] { EnableSignInCommand.LearnerEmail(5, 1), EnableSignInCommand.LearnerEmail(5, 3), EnableSignInCommand.CommissionerEmail(5) })
            Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync(email, password)).StatusCode);
        // The fourth learner was not asked for, and a wrong password still fails.
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateBrowser().SignInAsync(EnableSignInCommand.LearnerEmail(5, 4), password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateBrowser().SignInAsync(EnableSignInCommand.LearnerEmail(5, 1), password + "x")).StatusCode);

        var reports = Factory.CreateBrowser();
        await reports.SignInAsync(EnableSignInCommand.CommissionerEmail(5), password);
        Assert.Contains("Generated Partnership (seed 5)", await reports.GetPageAsync("/reports/uptake"));

        // Run again: the same commissioner, not a second one.
        Assert.Equal(0, (await EnableSignInAsync(["--seed", "5", "--learners", "3", "--password-env", "BENCH_TEST_PASSWORD"], environment)).Code);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == EnableSignInCommand.CommissionerEmail(5))));
    }

    [Fact]
    public async Task Enable_sign_in_refuses_a_missing_variable_a_weak_password_and_an_unknown_partnership()
    {
        await GenerateAsync(seed: 6);
        string[] args = ["--seed", "6", "--learners", "2", "--password-env", "BENCH_TEST_PASSWORD"];

        var missing = await EnableSignInAsync(args, []);
        Assert.Equal(2, missing.Code);
        Assert.Contains("BENCH_TEST_PASSWORD", missing.Error);

        var weak = await EnableSignInAsync(args, new() { ["BENCH_TEST_PASSWORD"] = "short" });
        Assert.Equal(1, weak.Code);
        Assert.Contains("refused", weak.Error);

        var unknown = await EnableSignInAsync(["--seed", "7", "--learners", "2", "--password-env", "BENCH_TEST_PASSWORD"], new() { ["BENCH_TEST_PASSWORD"] = "a-long-enough-password-" + Guid.NewGuid() });
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Generated Partnership (seed 7)", unknown.Error);

        var tooMany = await EnableSignInAsync(["--seed", "6", "--learners", "301", "--password-env", "BENCH_TEST_PASSWORD"], new() { ["BENCH_TEST_PASSWORD"] = "a-long-enough-password-" + Guid.NewGuid() });
        Assert.Equal(1, tooMany.Code);

        // Nothing refused changed anyone: no generated person has a password, and no commissioner was added.
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.PasswordHash != null)));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == EnableSignInCommand.CommissionerEmail(6))));
    }

    private async Task<(int Code, string Output, string Error)> EnableSignInAsync(string[] args, Dictionary<string, string?> environment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EnableSignInCommand.RunAsync(Factory.Services, args, name => environment.GetValueOrDefault(name), output, error);
        return (code, output.ToString(), error.ToString());
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
