using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Privacy;

/// <summary>
/// Retention on the test clock: a closed account's reflective logs go after 12 months and the records of its
/// supervision after 72 (the defaults); active accounts keep theirs, and so does an account reactivated before
/// its deadline. Every run is audited with counts only.
/// </summary>
public abstract class RetentionTests(AppFactory factory) : IntegrationTest(factory)
{
    private DateTime Now => Factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<Retention.Result> RunAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention.Handler>().RunAsync(CancellationToken.None);
    }

    private Task<Guid> RecordAsync(User supervisor, User supervisee, Guid log) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var today = DateOnly.FromDateTime(Now);
        var record = SupervisionRecord.Start(supervisor.Id, supervisee.Id, [],
            new SessionDetails(today.AddDays(-1), null, new SessionNotes("Both", "", "Discussion", "Wellbeing", ""), [log],
                [new(null, null, "An action", ActionOwner.Supervisee, null, ActionStatus.Open)]), protector, Now);
        db.SupervisionRecords.Add(record);
        db.SupervisionComments.Add(record.AddComment(supervisee.Id, "A comment", protector, Now));
        await db.SaveChangesAsync();
        return record.Id;
    });

    private Task SetActiveAsync(User user, bool active) => Factory.WithDbAsync(async db =>
    {
        var tracked = await db.Users.SingleAsync(u => u.Id == user.Id);
        if (active) tracked.Reactivate();
        else tracked.Deactivate(Now);
        await db.SaveChangesAsync();
    });

    private Task<(int Logs, int Records)> HeldAsync(User user) => Factory.WithDbAsync(async db =>
        (await db.ReflectiveLogs.CountAsync(l => l.AuthorId == user.Id), await db.SupervisionRecords.CountAsync(r => r.SuperviseeId == user.Id)));

    [Fact]
    public async Task Closed_accounts_lose_their_logs_then_their_supervision_records_at_the_configured_ages_and_no_one_else_does()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var closed = await Factory.CreateUserAsync("cal.closed@riverside.example", org, Roles.Learner);
        var active = await Factory.CreateUserAsync("ava.active@riverside.example", org, Roles.Learner);
        var returning = await Factory.CreateUserAsync("ray.returning@riverside.example", org, Roles.Learner);
        foreach (var person in new[] { closed, active, returning })
        {
            await Factory.SuperviseAsync(supervisor, person, DateOnly.FromDateTime(Now).AddMonths(-1));
            var log = await Factory.LogAsync(person, TestLogs.Text("A log", person.DisplayName), supervisor: supervisor, comment: "A supervisor's comment");
            await Factory.LogAsync(person, TestLogs.Text("A draft", person.DisplayName));
            await RecordAsync(supervisor, person, log);
        }
        await SetActiveAsync(closed, active: false);
        await SetActiveAsync(returning, active: false);

        Assert.Equal(new Retention.Result(0, 0), await RunAsync());
        Factory.Clock.Advance(TimeSpan.FromDays(30 * 11));
        Assert.Equal(new Retention.Result(0, 0), await RunAsync());
        // Back before the deadline: the closing date is cleared, so the clock starts again if they leave later.
        await SetActiveAsync(returning, active: true);

        Factory.Clock.Advance(TimeSpan.FromDays(40));
        Assert.Equal(new Retention.Result(2, 0), await RunAsync());
        Assert.Equal((0, 1), await HeldAsync(closed));
        Assert.Equal((2, 1), await HeldAsync(active));
        Assert.Equal((2, 1), await HeldAsync(returning));
        await Factory.WithDbAsync(async db =>
        {
            // The closed account's log's comments and share, and its link from the record, went with it.
            Assert.Equal(2, await db.ReviewComments.CountAsync());
            Assert.Equal(2, await db.LogShares.CountAsync());
            Assert.Equal(2, await db.DiscussedLogs.CountAsync());
        });

        // 72 months is about 2,191 days; the clock stands at 370 days since the account closed.
        Factory.Clock.Advance(TimeSpan.FromDays(1811));
        Assert.Equal(new Retention.Result(0, 0), await RunAsync());
        Factory.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(new Retention.Result(0, 1), await RunAsync());
        Assert.Equal((0, 0), await HeldAsync(closed));
        Assert.Equal((2, 1), await HeldAsync(active));
        Assert.Equal((2, 1), await HeldAsync(returning));
        await Factory.WithDbAsync(async db =>
        {
            Assert.Equal(2, await db.SupervisionComments.CountAsync());
            Assert.Equal(2, await db.SupervisionActions.CountAsync());
            // The account itself stays (closed), with what it completed.
            Assert.True(await db.Users.AnyAsync(u => u.Id == closed.Id && !u.IsActive));

            var runs = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.RetentionApplied).OrderBy(a => a.At).ToListAsync();
            Assert.Equal(5, runs.Count);
            Assert.Equal("Reflective logs deleted: 2; supervision records deleted: 0", runs[2].Detail);
            Assert.Equal("Reflective logs deleted: 0; supervision records deleted: 1", runs[4].Detail);
            Assert.All(runs, r => Assert.Equal(Guid.Empty, r.OwnerId));
        });
    }
}

public sealed class RetentionTestsOnSqlite(SqliteAppFactory factory) : RetentionTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class RetentionTestsOnPostgres(PostgresAppFactory factory) : RetentionTests(factory), IClassFixture<PostgresAppFactory>;

/// <summary>The application with the retention job switched on and running every two seconds.</summary>
public sealed class RetentionJobFactory : SqliteAppFactory
{
    public RetentionJobFactory()
    {
        WithSetting("Retention:Enabled", "true");
        WithSetting("Retention:RunInterval", "00:00:02");
    }
}

public sealed class RetentionJobTests(RetentionJobFactory factory) : IntegrationTest(factory), IClassFixture<RetentionJobFactory>
{
    [Fact]
    public async Task The_scheduled_job_deletes_a_long_closed_accounts_logs_by_itself_and_audits_the_run()
    {
        var org = await Factory.CreateOrganisationAsync();
        var closed = await Factory.CreateUserAsync("cal.closed@riverside.example", org, Roles.Learner);
        await Factory.LogAsync(closed, TestLogs.Text("A log", "Closed"));
        await Factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == closed.Id)).Deactivate(DateTime.UtcNow.AddMonths(-13));
            await db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Factory.WithDbAsync(db => db.ReflectiveLogs.AnyAsync()) && DateTime.UtcNow < deadline) await Task.Delay(250);

        Assert.False(await Factory.WithDbAsync(db => db.ReflectiveLogs.AnyAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.RetentionApplied && a.Detail!.StartsWith("Reflective logs deleted: 1;"))));
    }
}
