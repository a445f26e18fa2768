using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Notifications;
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

    [Fact]
    public async Task Read_notices_and_sent_emails_go_after_their_periods_and_nothing_still_needed_does()
    {
        var org = await Factory.CreateOrganisationAsync();
        var active = await Factory.CreateUserAsync("ava.active@riverside.example", org, Roles.Learner);
        var closed = await Factory.CreateUserAsync("cal.closed@riverside.example", org, Roles.Learner);
        var today = DateOnly.FromDateTime(Now);
        await Factory.WithDbAsync(async db =>
        {
            var protector = Factory.Services.GetRequiredService<ITextProtector>();
            Notification Notice(User person, NotificationKind kind, string item, DateOnly dueOn, bool read)
            {
                var notification = new Notification(person.Id, kind, item, dueOn, item, "/my-learning", Now);
                if (read) notification.MarkRead(Now);
                return notification;
            }
            db.Notifications.AddRange(
                Notice(active, NotificationKind.RevisionRequested, "read-once", today, read: true),
                Notice(active, NotificationKind.RefreshDueSoon, "read-due-soon", today.AddDays(20), read: true),
                Notice(active, NotificationKind.SignatureWaiting, "unread", today, read: false),
                // Found again by the reminder scan for as long as the certificate stays expired.
                Notice(active, NotificationKind.RefreshOverdue, "read-still-overdue", today, read: true),
                Notice(closed, NotificationKind.RefreshOverdue, "closed-unread", today, read: false));
            OutboxMessage Email(string key, DateTime? sentAt, bool givenUp = false)
            {
                var message = new OutboxMessage(key, OutboxKind.Digest, active.Id, active.Email!, key, protector.Protect("Body"), Now, Now);
                if (sentAt is { } at) message.Sent(at);
                for (var i = 0; givenUp && i < OutboxMessage.MaxAttempts; i++) message.Failed("550", Now);
                return message;
            }
            db.OutboxMessages.AddRange(Email("sent", Now), Email("given-up", null, givenUp: true), Email("waiting", null));
            await db.SaveChangesAsync();
        });
        await SetActiveAsync(closed, active: false);

        // What is left, as "notifications | emails" by item and key.
        async Task<string> HeldAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Retention.Handler>().DeleteSpentNoticesAsync(CancellationToken.None);
            return await Factory.WithDbAsync(async db =>
                string.Join(",", (await db.Notifications.Select(n => n.ItemId).ToListAsync()).Order(StringComparer.Ordinal)) + " | "
                + string.Join(",", (await db.OutboxMessages.Select(m => m.Key).ToListAsync()).Order(StringComparer.Ordinal)));
        }

        const string allNotices = "closed-unread,read-due-soon,read-once,read-still-overdue,unread";
        Assert.Equal($"{allNotices} | given-up,sent,waiting", await HeldAsync());
        Factory.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal($"{allNotices} | given-up,sent,waiting", await HeldAsync());
        // 30 days after sending (or giving up), the email's row and the address on it go; one still waiting stays.
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal($"{allNotices} | waiting", await HeldAsync());

        Factory.Clock.Advance(TimeSpan.FromDays(330));
        Assert.Equal($"{allNotices} | waiting", await HeldAsync());
        // A year on: read one-off notices and a due-soon reminder whose date has passed go, and all of the closed account's;
        // an unread notice stays, and so does a read reminder the scan would only make again.
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal("read-still-overdue,unread | waiting", await HeldAsync());
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
