using System.Net;
using System.Text;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Notifications;

/// <summary>
/// A small cast, worked out by hand. Ash is a learner supervised by Sol; Fay supervised Ash until yesterday;
/// Lee is a learner supervised by Oli. Expected: Ash is told their log was returned for revision, that Sol
/// signed a supervision record, and that a certificate's refresh is overdue; Sol that a log has waited more
/// than 14 days (Supervision:ReviewOverdueAfterDays) for review; Lee that a refresh is due within 30 days. Fay and Oli get nothing.
/// </summary>
public abstract class NotificationTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string LogPhrase = "Kestrel-Marigold-Lantern";
    private const string NotePhrase = "Quartz-Heron-Saffron";
    private const string RecordPhrase = "Tamarind-Osprey-Cobalt";

    private sealed record Cast(User Ash, User Sol, User Fay, User Lee, User Oli, Guid ReturnedLog, Guid WaitingLog, Guid Record);

    private async Task<Cast> CastAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var ash = await Factory.CreateUserAsync("ash.learner@riverside.example", org, Roles.Learner);
        var sol = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var fay = await Factory.CreateUserAsync("fay.former@riverside.example", org, Roles.Supervisor);
        var lee = await Factory.CreateUserAsync("lee.learner@riverside.example", org, Roles.Learner);
        var oli = await Factory.CreateUserAsync("oli.supervisor@riverside.example", org, Roles.Supervisor);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        await Factory.SuperviseAsync(sol, ash, today.AddMonths(-6));
        await Factory.SuperviseAsync(fay, ash, today.AddMonths(-12), today.AddDays(-1));
        await Factory.SuperviseAsync(oli, lee, today.AddMonths(-6));

        // Returned for revision by Sol, through the site, with a note that must never be emailed.
        var returned = await Factory.LogAsync(ash, TestLogs.Text("First visit", LogPhrase), supervisor: sol);
        var sol1 = await Factory.SignedInAsync(sol.Email!);
        var revision = await sol1.PostFormAsync($"/reflections/{returned}", $"/reflections/{returned}/request-revision", [new("Version", "2"), new("Text", "Please add " + NotePhrase)]);
        Assert.Equal(HttpStatusCode.Redirect, revision.StatusCode);

        // Shared with Sol (and, before Fay's supervision ended, with Fay), then left: it will wait 15 days.
        var waiting = await Factory.LogAsync(ash, TestLogs.Text("Second visit", LogPhrase), supervisor: sol);
        await Factory.WithDbAsync(async db =>
        {
            db.LogShares.Add(new LogShare(waiting, fay.Id, DateTime.UtcNow.AddHours(-2)));
            await db.SaveChangesAsync();
        });

        // A record Sol signs through the site: it then waits for Ash.
        var recordId = await Factory.WithDbAsync(async db =>
        {
            var protector = Factory.Services.GetRequiredService<ITextProtector>();
            var record = SupervisionRecord.Start(sol.Id, ash.Id, [],
                new SessionDetails(today.AddDays(-1), today.AddDays(27), SessionNotes.Empty with { Discussion = RecordPhrase, Wellbeing = "Coping. " + RecordPhrase }, [], []),
                protector, DateTime.UtcNow);
            db.SupervisionRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var sign = await sol1.PostFormAsync($"/supervision/records/{recordId}/sign", $"/supervision/records/{recordId}/sign/confirm", [new("Version", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, sign.StatusCode);

        // Certificates: Ash's expired 20 days from now's point of view, Lee's expires within 30 days (after the 15 days pass).
        var months = Factory.Services.GetRequiredService<ContentCatalog>().Modules
            .Select(m => m.RefreshMonths).First(m => m is not null)!.Value;
        var module = Factory.Services.GetRequiredService<ContentCatalog>().Find("recognising-exploitation")
            ?? Factory.Services.GetRequiredService<ContentCatalog>().Modules[0];
        months = module.RefreshMonths ?? months;
        Assert.NotNull(module.RefreshMonths);
        await Factory.IssueCertificatesAsync(ash, DateTime.UtcNow.AddMonths(-months).AddDays(-12));
        await Factory.IssueCertificatesAsync(lee, DateTime.UtcNow.AddMonths(-months).AddDays(20));

        Factory.Clock.Advance(TimeSpan.FromDays(15));
        Factory.Email.Clear();
        return new Cast(ash, sol, fay, lee, oli, returned, waiting, recordId);
    }

    private static async Task<NotificationJob.Result> RunJobAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationJob.Handler>().RunOnceAsync(CancellationToken.None);
    }

    private Task<List<(Guid UserId, NotificationKind Kind)>> NotificationsAsync() => Factory.WithDbAsync(db =>
        db.Notifications.AsNoTracking().OrderBy(n => n.UserId).ThenBy(n => n.Kind).Select(n => new ValueTuple<Guid, NotificationKind>(n.UserId, n.Kind)).ToListAsync());

    [Fact]
    public async Task Each_kind_of_notification_goes_to_exactly_the_right_person()
    {
        var cast = await CastAsync();

        await RunJobAsync(Factory);

        var expected = new List<(Guid, NotificationKind)>
        {
            (cast.Ash.Id, NotificationKind.RefreshOverdue),
            (cast.Ash.Id, NotificationKind.RevisionRequested),
            (cast.Ash.Id, NotificationKind.SignatureWaiting),
            (cast.Sol.Id, NotificationKind.ReviewWaiting),
            (cast.Lee.Id, NotificationKind.RefreshDueSoon),
        };
        Assert.Equal(expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2), await NotificationsAsync());

        // Shown on each person's own page, with the count in the navigation.
        var ash = await Factory.SignedInAsync(cast.Ash.Email!);
        var page = await ash.GetPageAsync("/notifications");
        Assert.Contains("Notifications (3<span class=\"govuk-visually-hidden\"> unread</span>)", page);
        Assert.Contains($"href=\"/reflections/{cast.ReturnedLog}\"", page);
        Assert.Contains($"href=\"/supervision/records/{cast.Record}\"", page);
        var fay = await Factory.SignedInAsync(cast.Fay.Email!);
        Assert.Contains("You have no notifications.", await fay.GetPageAsync("/notifications"));
    }

    [Fact]
    public async Task A_second_scan_makes_no_second_reminder_and_marking_read_clears_the_count()
    {
        var cast = await CastAsync();
        await RunJobAsync(Factory);
        var first = await NotificationsAsync();

        await RunJobAsync(Factory);

        Assert.Equal(first, await NotificationsAsync());
        var ash = await Factory.SignedInAsync(cast.Ash.Email!);
        var read = await ash.PostFormAsync("/notifications", "/notifications/read", []);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var page = await ash.GetPageAsync("/notifications");
        Assert.DoesNotContain("unread</span>)", page);
        Assert.Contains("All notifications marked as read", page);
    }

    [Fact]
    public async Task Several_events_make_one_email_a_day_with_absolute_links_and_no_one_s_words()
    {
        var cast = await CastAsync();

        await RunJobAsync(Factory);
        await RunJobAsync(Factory);

        var messages = Factory.Email.Messages;
        Assert.Equal(new[] { cast.Ash.Email!, cast.Lee.Email!, cast.Sol.Email! }.Order(), messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        var toAsh = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == cast.Ash.Email);
        Assert.Equal("CSELearning: 3 new notifications", toAsh.Subject);
        Assert.Equal(SmtpCatcher.From, toAsh.From.Mailboxes.Single().Address);
        Assert.NotNull(toAsh.TextBody);
        Assert.Contains($"https://localhost/reflections/{cast.ReturnedLog}\n", toAsh.TextBody.ReplaceLineEndings("\n"));
        Assert.Contains($"https://localhost/supervision/records/{cast.Record}\n", toAsh.TextBody.ReplaceLineEndings("\n"));
        Assert.Contains("https://localhost/my-learning\n", toAsh.TextBody.ReplaceLineEndings("\n"));
        Assert.Contains("https://localhost/notifications/preferences", toAsh.TextBody);
        var toSol = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == cast.Sol.Email);
        Assert.Equal("CSELearning: 1 new notification", toSol.Subject);
        Assert.Contains($"https://localhost/reflections/{cast.WaitingLog}", toSol.TextBody);
        // Every link is absolute: no path stands alone on a line.
        foreach (var message in messages)
            Assert.DoesNotContain((message.TextBody ?? "").ReplaceLineEndings("\n").Split('\n'), line => line.TrimStart().StartsWith('/'));

        // Nothing anyone wrote: not the log, the revision note or the supervision notes, in any part of any message.
        foreach (var message in messages)
        {
            var raw = Raw(message);
            foreach (var phrase in new[] { LogPhrase, NotePhrase, RecordPhrase })
                Assert.DoesNotContain(phrase, raw, StringComparison.OrdinalIgnoreCase);
        }
        // And the outbox keeps no body once it is sent.
        Assert.All(await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()), m => Assert.Equal("", m.ProtectedBody));
    }

    [Fact]
    public async Task A_kind_turned_off_is_not_emailed_and_security_mail_ignores_preferences()
    {
        var cast = await CastAsync();
        var ash = await Factory.SignedInAsync(cast.Ash.Email!);
        // Ash keeps only the refresh emails.
        var saved = await ash.PostFormAsync("/notifications/preferences", "/notifications/preferences",
            [new("Emailed", nameof(NotificationKind.RefreshDueSoon)), new("Emailed", nameof(NotificationKind.RefreshOverdue))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Lee turns everything off.
        var lee = await Factory.SignedInAsync(cast.Lee.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await lee.PostFormAsync("/notifications/preferences", "/notifications/preferences", [])).StatusCode);

        await RunJobAsync(Factory);

        Assert.DoesNotContain(Factory.Email.Messages, m => m.To.Mailboxes.Single().Address == cast.Lee.Email);
        var toAsh = Assert.Single(Factory.Email.Messages, m => m.To.Mailboxes.Single().Address == cast.Ash.Email);
        Assert.Equal("CSELearning: 1 new notification", toAsh.Subject);
        Assert.DoesNotContain("/reflections/", toAsh.TextBody);
        Assert.DoesNotContain("/supervision/", toAsh.TextBody);
        // Still on the page.
        Assert.Contains($"/reflections/{cast.ReturnedLog}", await ash.GetPageAsync("/notifications"));

        // A password reset is sent at once, opted out or not.
        Factory.Email.Clear();
        var anonymous = Factory.CreateBrowser();
        await anonymous.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", cast.Lee.Email!)]);
        var reset = Assert.Single(Factory.Email.Messages);
        Assert.Equal(cast.Lee.Email, reset.To.Mailboxes.Single().Address);
        Assert.Equal("Reset your CSELearning password", reset.Subject);
        Assert.Contains("https://localhost/account/reset-password?user=", reset.TextBody);
    }

    [Fact]
    public async Task A_restarted_site_on_the_same_database_sends_nothing_twice()
    {
        var cast = await CastAsync();
        var first = Factory.WithWebHostBuilder(_ => { });
        await RunJobAsync(first);
        var sent = Factory.Email.Messages.Count;
        Assert.Equal(3, sent);
        await first.DisposeAsync();

        var second = Factory.WithWebHostBuilder(_ => { });
        var result = await RunJobAsync(second);
        await RunJobAsync(second);
        await second.DisposeAsync();

        Assert.True(result.HeldLease);
        Assert.Equal(sent, Factory.Email.Messages.Count);
        _ = cast;
    }

    [Fact]
    public async Task Two_sites_running_the_job_at_once_send_each_message_exactly_once()
    {
        var cast = await CastAsync();
        // Queued and due, so both servers would find them; the mail server is slow, so the two passes overlap.
        await Factory.WithDbAsync(async db =>
        {
            var protector = Factory.Services.GetRequiredService<ITextProtector>();
            var now = Factory.Clock.GetUtcNow().UtcDateTime;
            foreach (var (person, i) in new[] { cast.Ash, cast.Sol, cast.Fay, cast.Lee, cast.Oli }.Select((p, i) => (p, i)))
                db.OutboxMessages.Add(new OutboxMessage($"test:{i}", OutboxKind.Digest, person.Id, person.Email!, $"Message {i}", protector.Protect("Body"), now, now.AddMinutes(-1)));
            await db.NotificationOptOuts.AddRangeAsync(Enum.GetValues<NotificationKind>().SelectMany(k =>
                new[] { cast.Ash, cast.Sol, cast.Lee }.Select(p => new NotificationOptOut(p.Id, k))));
            await db.SaveChangesAsync();
        });
        Factory.Email.Delay = TimeSpan.FromMilliseconds(200);
        var a = Factory.WithWebHostBuilder(_ => { });
        var b = Factory.WithWebHostBuilder(_ => { });
        _ = a.Services;
        _ = b.Services;

        try
        {
            await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { RunJobAsync(a), RunJobAsync(b) }));
        }
        finally
        {
            Factory.Email.Delay = TimeSpan.Zero;
            await a.DisposeAsync();
            await b.DisposeAsync();
        }

        var subjects = Factory.Email.Messages.Select(m => m.Subject).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Message {i}"), subjects);
    }

    [Fact]
    public async Task A_refused_message_is_tried_again_with_backoff_and_its_error_holds_no_content()
    {
        var cast = await CastAsync();
        Factory.Email.RefuseNext(3);

        await RunJobAsync(Factory);

        var failed = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.To).ToListAsync());
        Assert.Equal(3, failed.Count);
        Assert.All(failed, m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(1, m.Attempts);
            Assert.StartsWith("SMTP 451", m.LastError);
            Assert.DoesNotContain("@", m.LastError);
            Assert.DoesNotContain("try again", m.LastError);
        });
        var due = failed[0].NextAttemptAt - Factory.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(due, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

        await RunJobAsync(Factory);
        Assert.Empty(Factory.Email.Messages);
        Factory.Email.RefuseNext(1);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunJobAsync(Factory);
        Assert.Equal(2, Factory.Email.Messages.Count);
        var retried = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.SentAt == null));
        Assert.Equal(2, retried.Attempts);
        Assert.InRange(retried.NextAttemptAt - Factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1.5), TimeSpan.FromMinutes(2));
        _ = cast;
    }

    /// <summary>
    /// Kit agreed to meet Max every 4 weeks and last met him 25 days ago (due in 3 days: reminded), Rae every 4
    /// weeks and met her 10 days ago (due in 18: not yet), Zed every 2 weeks from 30 days ago with no session
    /// recorded (due 16 days ago: reminded). Una has no agreed frequency; Pat's weekly supervision of Max ended
    /// yesterday. Both people in a due supervision are told, once per due day.
    /// </summary>
    [Fact]
    public async Task Supervision_due_by_the_agreed_frequency_reminds_both_people_once_per_session_due()
    {
        var org = await Factory.CreateOrganisationAsync();
        var kit = await Factory.CreateUserAsync("kit.supervisor@riverside.example", org, Roles.Supervisor);
        var pat = await Factory.CreateUserAsync("pat.former@riverside.example", org, Roles.Supervisor);
        var max = await Factory.CreateUserAsync("max.learner@riverside.example", org, Roles.Learner);
        var rae = await Factory.CreateUserAsync("rae.learner@riverside.example", org, Roles.Learner);
        var zed = await Factory.CreateUserAsync("zed.learner@riverside.example", org, Roles.Learner);
        var una = await Factory.CreateUserAsync("una.learner@riverside.example", org, Roles.Learner);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        await Factory.SuperviseAsync(kit, max, today.AddDays(-60), frequencyWeeks: 4);
        await Factory.SuperviseAsync(kit, rae, today.AddDays(-60), frequencyWeeks: 4);
        await Factory.SuperviseAsync(kit, zed, today.AddDays(-30), frequencyWeeks: 2);
        await Factory.SuperviseAsync(kit, una, today.AddDays(-200));
        await Factory.SuperviseAsync(pat, max, today.AddDays(-100), today.AddDays(-1), frequencyWeeks: 1);
        await RecordSessionAsync(kit, max, today.AddDays(-25));
        await RecordSessionAsync(kit, rae, today.AddDays(-10));

        await RunJobAsync(Factory);

        var due = await SupervisionDueAsync();
        Assert.Equal(new[]
        {
            (kit.Id, max.Id.ToString("D"), today.AddDays(3)),
            (kit.Id, zed.Id.ToString("D"), today.AddDays(-16)),
            (max.Id, kit.Id.ToString("D"), today.AddDays(3)),
            (zed.Id, kit.Id.ToString("D"), today.AddDays(-16)),
        }.OrderBy(d => d.Item1).ThenBy(d => d.Item2), due.Select(n => (n.UserId, n.ItemId, n.DueOn)));
        var toKit = await Factory.SignedInAsync(kit.Email!);
        var page = await toKit.GetPageAsync("/notifications");
        Assert.Contains($"href=\"/supervision/records/new?supervisee={max.Id:D}\"", page);
        Assert.Contains($"Supervision with {zed.DisplayName} was due on", page);
        Assert.Contains("you agreed to meet every 2 weeks.", page);
        var toMax = await Factory.SignedInAsync(max.Email!);
        Assert.Contains($"Your supervision with {kit.DisplayName} is due by", await toMax.GetPageAsync("/notifications"));
        var digest = Assert.Single(Factory.Email.Messages, m => m.To.Mailboxes.Single().Address == kit.Email);
        Assert.Contains($"https://localhost/supervision/records/new?supervisee={max.Id:D}", digest.TextBody);

        // Scanned again, nothing new; a session recorded today moves Max's next one 28 days on, out of reach.
        await RunJobAsync(Factory);
        await RecordSessionAsync(kit, max, today);
        await RunJobAsync(Factory);
        Assert.Equal(due.Count, (await SupervisionDueAsync()).Count);

        // 22 days on, Max's next session is due within the week and Rae's has passed: a reminder each, to both
        // people; Zed's, still overdue from the same day, is not repeated.
        Factory.Clock.Advance(TimeSpan.FromDays(22));
        await RunJobAsync(Factory);
        var later = (await SupervisionDueAsync()).Except(due).ToList();
        Assert.Equal(new[]
        {
            (kit.Id, max.Id.ToString("D"), today.AddDays(28)),
            (kit.Id, rae.Id.ToString("D"), today.AddDays(18)),
            (max.Id, kit.Id.ToString("D"), today.AddDays(28)),
            (rae.Id, kit.Id.ToString("D"), today.AddDays(18)),
        }.OrderBy(d => d.Item1).ThenBy(d => d.Item2), later);
    }

    private Task<List<(Guid UserId, string ItemId, DateOnly DueOn)>> SupervisionDueAsync() => Factory.WithDbAsync(async db =>
        (await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.SupervisionDue)
            .Select(n => new { n.UserId, n.ItemId, n.DueOn }).ToListAsync())
        .Select(n => (n.UserId, n.ItemId, n.DueOn)).OrderBy(n => n.UserId).ThenBy(n => n.ItemId).ToList());

    private Task RecordSessionAsync(User supervisor, User supervisee, DateOnly on) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        db.SupervisionRecords.Add(SupervisionRecord.Start(supervisor.Id, supervisee.Id, [],
            new SessionDetails(on, null, SessionNotes.Empty with { Discussion = RecordPhrase }, [], []), protector, DateTime.UtcNow));
        await db.SaveChangesAsync();
    });

    private static string Raw(MimeKit.MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + message.TextBody + message.HtmlBody;
    }
}

public sealed class NotificationTestsOnSqlite(SqliteAppFactory factory) : NotificationTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class NotificationTestsOnPostgres(PostgresAppFactory factory) : NotificationTests(factory), IClassFixture<PostgresAppFactory>;
