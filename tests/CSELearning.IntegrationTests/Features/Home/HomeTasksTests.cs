using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Home;

/// <summary>
/// Each home page lists exactly what waits for its person. The cast, with T for today:
/// Sol supervises Ash (from T-60, every 4 weeks), Bea (from T-30, no agreed frequency) and Dee (from T-60, every
/// 2 weeks, no session yet); Sol supervised Cal until yesterday. Oli supervises Lee. Every item belonging to
/// Cal, Lee or Oli must appear on nobody's home page here.
/// </summary>
public abstract class HomeTasksTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Grooming = "grooming-and-exploitation";
    private const string Transactional = "transactional-sex-and-exchange";
    private const string Commissioning = "commissioning-support";
    private const string Trust = "building-trust";

    private sealed record Cast(User Sol, User Ash, User Bea, User Dee, User Cal, User Oli, User Lee, DateOnly Today);

    [Fact]
    public async Task A_learners_home_lists_where_they_left_off_their_refreshes_returned_logs_records_and_next_supervision()
    {
        var cast = await CastAsync();
        var t = cast.Today;
        var trust = Module(Trust);

        var page = await (await Factory.SignedInAsync(cast.Ash.Email!)).GetPageAsync("/");

        Assert.Equal([$"{trust.Title}|/modules/{Trust}/{trust.Sections[2].Id}|Section 3 of {trust.Sections.Count}: {trust.Sections[2].Title}|In progress"], Tasks(page, "continue"));
        Assert.Contains($"<progress class=\"app-progress\" max=\"{trust.Sections.Count}\" value=\"2\" aria-hidden=\"true\">", page);
        Assert.Equal([
            $"{Module(Grooming).Title}|/modules/{Grooming}|Your refresh was due by {Long(t.AddDays(-3))}|Overdue",
            $"{Module(Transactional).Title}|/modules/{Transactional}|Take it again by {Long(t.AddDays(10))}|Due soon",
        ], Tasks(page, "refreshes"));
        Assert.Equal([$"Ash returned log|/reflections/{await LogIdAsync("Ash returned log")}|Your supervisor asked for changes on {Long(t.AddDays(-1))}|Revision requested"],
            Tasks(page, "returned-logs"));
        Assert.Equal([$"Supervision on {Long(t.AddDays(-25))}|/supervision/records/{await RecordIdAsync(cast.Ash, t.AddDays(-25))}|Signed by Sol Supervisor: add any comments, then acknowledge it|To acknowledge"],
            Tasks(page, "records-to-acknowledge"));
        Assert.Matches($@"id=""next-supervision"">\s*<ul class=""govuk-list"">\s*<li>{Long(t.AddDays(20))} with Sol Supervisor</li>\s*</ul>", page);
        Assert.DoesNotContain("nothing-waiting", page);
        Assert.Contains("govuk-phase-banner__content__tag\">Beta</strong>", page);
        Assert.DoesNotContain("Lee", page);

        // Bea's latest grooming completion is overdue; her next session is due by nothing: no frequency, no planned date.
        var bea = await (await Factory.SignedInAsync(cast.Bea.Email!)).GetPageAsync("/");
        Assert.Equal([$"{Module(Grooming).Title}|/modules/{Grooming}|Your refresh was due by {Long(t.AddDays(-5))}|Overdue"], Tasks(bea, "refreshes"));
        Assert.Matches(@"id=""next-supervision"">\s*No date set", bea);
        Assert.Empty(Tasks(bea, "records-to-acknowledge")); // Sol has not signed her record yet

        // Dee has nothing waiting, and no record yet, so her next session is due two weeks after supervision began.
        var dee = await (await Factory.SignedInAsync(cast.Dee.Email!)).GetPageAsync("/");
        Assert.Contains("id=\"nothing-waiting\"", dee);
        Assert.Contains("You have no module in progress.", dee);
        Assert.Empty(Tasks(dee, "refreshes"));
        Assert.Matches($@"<li>{Long(t.AddDays(-46))} with Sol Supervisor \(due by your agreed frequency\)</li>", dee);
    }

    [Fact]
    public async Task A_supervisors_home_lists_logs_waiting_records_to_sign_overdue_refreshes_and_supervision_due_for_current_supervisees_only()
    {
        var cast = await CastAsync();
        var t = cast.Today;

        var page = await (await Factory.SignedInAsync(cast.Sol.Email!)).GetPageAsync("/");

        Assert.Equal([
            $"Ash shared long ago|/reflections/{await LogIdAsync("Ash shared long ago")}|From Ash Learner, shared 20 days ago|Overdue",
            $"Bea shared recently|/reflections/{await LogIdAsync("Bea shared recently")}|From Bea Learner, shared 2 days ago|To review",
        ], Tasks(page, "logs-to-review"));
        Assert.Equal([
            $"Ash Learner, supervision on {Long(t.AddDays(-25))}|/supervision/records/{await RecordIdAsync(cast.Ash, t.AddDays(-25))}|You have signed it; waiting for Ash Learner to acknowledge it|Waiting for Ash Learner",
            $"Bea Learner, supervision on {Long(t.AddDays(-3))}|/supervision/records/{await RecordIdAsync(cast.Bea, t.AddDays(-3))}|Finish the record and sign it|To sign",
        ], Tasks(page, "records-waiting"));
        Assert.Equal([
            $"Supervision with Dee Learner|/supervision/records/new?supervisee={cast.Dee.Id}|Due by {Long(t.AddDays(-46))}: you agreed to meet every 2 weeks|Overdue",
            $"Supervision with Ash Learner|/supervision/records/new?supervisee={cast.Ash.Id}|Due by {Long(t.AddDays(3))}: you agreed to meet every 4 weeks|Due soon",
        ], Tasks(page, "supervision-due"));
        Assert.Equal([
            $"Bea Learner: {Module(Grooming).Title}|/supervision/caseload#learning|Refresh was due by {Long(t.AddDays(-5))}|Overdue",
            $"Ash Learner: {Module(Grooming).Title}|/supervision/caseload#learning|Refresh was due by {Long(t.AddDays(-3))}|Overdue",
        ], Tasks(page, "supervisee-refreshes"));
        Assert.DoesNotContain("Cal", page);
        Assert.DoesNotContain("Lee", page);
        Assert.DoesNotContain(">Caseload", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your caseload", page, StringComparison.Ordinal);

        // Lee's shared log, Oli's one draft record and Lee's overdue refresh are Oli's; nothing of Sol's is.
        var oli = await (await Factory.SignedInAsync(cast.Oli.Email!)).GetPageAsync("/");
        Assert.Equal([$"Lee Learner: {Module(Grooming).Title}|/supervision/caseload#learning|Refresh was due by {Long(t.AddDays(-1))}|Overdue"], Tasks(oli, "supervisee-refreshes"));
        Assert.Single(Tasks(oli, "records-waiting"));
        Assert.Equal([$"Lee shared|/reflections/{await LogIdAsync("Lee shared")}|From Lee Learner, shared 4 days ago|To review"], Tasks(oli, "logs-to-review"));
        Assert.DoesNotContain("Ash", oli);
    }

    /// <summary>
    /// The reminders follow the rules the homes list by: Ash's overdue and due-soon refreshes, Bea's overdue one
    /// (on her latest completion only), and to Sol the supervision due with Dee and Ash by the agreed frequency.
    /// Dee is told hers; Ash is not, as the last record planned a later session, which his home shows.
    /// </summary>
    [Fact]
    public async Task Reminders_name_what_the_homes_list()
    {
        var cast = await CastAsync();
        var t = cast.Today;

        await ReviewRemindersAsync(Factory, cast.Sol);

        var reminders = await Factory.WithDbAsync(async db => (await db.Notifications.AsNoTracking()
                .Where(n => n.Kind != NotificationKind.ReviewWaiting && n.Kind != NotificationKind.RevisionRequested)
                .Select(n => new { n.UserId, n.Kind, n.ItemId, n.DueOn }).ToListAsync())
            .Select(n => (n.UserId, n.Kind, n.ItemId, n.DueOn)).ToList());
        (Guid, NotificationKind, string, DateOnly)[] Of(User who) =>
            reminders.Where(r => r.UserId == who.Id).OrderBy(r => r.Kind).ThenBy(r => r.DueOn).ToArray();
        Assert.Equal([(cast.Ash.Id, NotificationKind.RefreshDueSoon, Transactional, t.AddDays(10)), (cast.Ash.Id, NotificationKind.RefreshOverdue, Grooming, t.AddDays(-3))], Of(cast.Ash));
        Assert.Equal([(cast.Bea.Id, NotificationKind.RefreshOverdue, Grooming, t.AddDays(-5))], Of(cast.Bea));
        Assert.Equal([(cast.Dee.Id, NotificationKind.SupervisionDue, cast.Sol.Id.ToString("D"), t.AddDays(-46))], Of(cast.Dee));
        Assert.Equal([
            (cast.Sol.Id, NotificationKind.SupervisionDue, cast.Dee.Id.ToString("D"), t.AddDays(-46)),
            (cast.Sol.Id, NotificationKind.SupervisionDue, cast.Ash.Id.ToString("D"), t.AddDays(3)),
        ], Of(cast.Sol));
    }

    [Fact]
    public async Task The_overdue_threshold_for_a_waiting_log_comes_from_configuration()
    {
        var cast = await CastAsync();
        await using var strict = Factory.WithWebHostBuilder(b => b.UseSetting("Supervision:ReviewOverdueAfterDays", "1"));
        var client = strict.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        await client.SignInAsync(cast.Sol.Email!);

        var page = await client.GetPageAsync("/");

        Assert.Contains("A log waiting more than 1 days is overdue.", page);
        Assert.Equal(["Overdue", "Overdue"], Tasks(page, "logs-to-review").Select(t => t.Split('|')[3]));

        // The reminder keeps to the same setting: on the default of 14 days only Ash's log, 20 days old, has
        // waited long enough; on 1 day, Bea's too, as each log the home calls overdue is reminded of.
        Assert.Equal(1, await ReviewRemindersAsync(Factory, cast.Sol));
        Assert.Equal(2, await ReviewRemindersAsync(strict, cast.Sol));
    }

    private static async Task<int> ReviewRemindersAsync(WebApplicationFactory<Program> app, User supervisor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // The scan alone: the job's lease belongs to whichever of the two sites took it first.
        await scope.ServiceProvider.GetRequiredService<ReminderScan.Handler>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Logs reminded of: a log's reminder is keyed to the day it became overdue, which the setting moves.
        return await db.Notifications.Where(n => n.UserId == supervisor.Id && n.Kind == NotificationKind.ReviewWaiting).Select(n => n.ItemId).Distinct().CountAsync();
    }

    // Each task in the summary card with this id, as "link text|address|hint|status".
    private static List<string> Tasks(string page, string cardId)
    {
        var start = page.IndexOf($"id=\"{cardId}\"", StringComparison.Ordinal);
        if (start < 0) return [];
        var end = page.IndexOf("<div class=\"govuk-summary-card\"", start, StringComparison.Ordinal);
        if (end < 0) end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return Regex.Matches(page[start..end],
                @"<a class=""govuk-link govuk-task-list__link"" href=""(?<url>[^""]+)"" aria-describedby=""[^""]+"">(?<text>[^<]+)</a>\s*<div id=""[^""]+"" class=""govuk-task-list__hint"">(?<hint>[^<]+)</div>\s*(<progress[^>]*></progress>\s*)?</div>\s*<div class=""govuk-task-list__status""[^>]*>\s*<strong[^>]*>(?<status>[^<]+)</strong>")
            .Select(m => $"{WebUtility.HtmlDecode(m.Groups["text"].Value)}|{WebUtility.HtmlDecode(m.Groups["url"].Value)}|{WebUtility.HtmlDecode(m.Groups["hint"].Value)}|{WebUtility.HtmlDecode(m.Groups["status"].Value)}")
            .ToList();
    }

    private static string Long(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private ContentModule Module(string id) => Factory.Services.GetRequiredService<ContentCatalog>().Find(id)!;

    private Task<Guid> LogIdAsync(string title) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        return (await db.ReflectiveLogs.ToListAsync()).Single(l => l.Read(protector).Title == title).Id;
    });

    private Task<Guid> RecordIdAsync(User supervisee, DateOnly session) =>
        Factory.WithDbAsync(db => db.SupervisionRecords.Where(r => r.SuperviseeId == supervisee.Id && r.SessionDate == session).Select(r => r.Id).SingleAsync());

    private async Task<Cast> CastAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var sol = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var oli = await Factory.CreateUserAsync("oli.other@riverside.example", org, Roles.Supervisor);
        var ash = await Factory.CreateUserAsync("ash.learner@riverside.example", org, Roles.Learner);
        var bea = await Factory.CreateUserAsync("bea.learner@riverside.example", org, Roles.Learner);
        var dee = await Factory.CreateUserAsync("dee.learner@riverside.example", org, Roles.Learner);
        var cal = await Factory.CreateUserAsync("cal.learner@riverside.example", org, Roles.Learner);
        var lee = await Factory.CreateUserAsync("lee.learner@riverside.example", org, Roles.Learner);
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var t = DateOnly.FromDateTime(now);
        var catalog = Factory.Services.GetRequiredService<ContentCatalog>();
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

        await Factory.WithDbAsync(async db =>
        {
            db.SupervisionRelationships.AddRange(
                new SupervisionRelationship(sol.Id, ash.Id, t.AddDays(-60), frequencyWeeks: 4),
                new SupervisionRelationship(sol.Id, bea.Id, t.AddDays(-30)),
                new SupervisionRelationship(sol.Id, dee.Id, t.AddDays(-60), frequencyWeeks: 2),
                new SupervisionRelationship(sol.Id, cal.Id, t.AddDays(-90), t.AddDays(-1), frequencyWeeks: 1),
                new SupervisionRelationship(oli.Id, lee.Id, t.AddDays(-90), frequencyWeeks: 52 / 2));

            // Ash: on the third section of one module; one completion overdue, one due within 30 days, one recent.
            var trust = catalog.Find(Trust)!;
            var progress = new ModuleProgress(ash.Id, trust, 1, now.AddDays(-2));
            progress.RecordActivity(now.AddDays(-2).AddMinutes(5), trust.Sections[2].Id);
            db.ModuleProgress.Add(progress);
            void Complete(User who, string moduleId, DateOnly on, int number = 1)
            {
                var module = catalog.Find(moduleId)!;
                var done = new ModuleProgress(who.Id, module, number, At(on).AddMinutes(-40));
                db.ModuleProgress.Add(done);
                db.ModuleCompletions.Add(done.Complete(module, 90, At(on)));
            }
            Complete(ash, Grooming, t.AddDays(-3).AddMonths(-24));
            Complete(ash, Transactional, t.AddDays(10).AddMonths(-24));
            Complete(ash, Commissioning, t.AddDays(-30));
            // Bea's grooming refresh is overdue on her latest completion; an older one does not count twice.
            Complete(bea, Grooming, t.AddDays(-5).AddMonths(-48), 1);
            Complete(bea, Grooming, t.AddDays(-5).AddMonths(-24), 2);
            Complete(cal, Grooming, t.AddDays(-9).AddMonths(-24));
            Complete(lee, Grooming, t.AddDays(-1).AddMonths(-24));

            ReflectiveLog Log(User author, string title, DateTime? sharedAt)
            {
                var log = new ReflectiveLog(author.Id, TestLogs.Text(title, title), protector, (sharedAt ?? now).AddHours(-1));
                if (sharedAt is { } at)
                {
                    log.Share(author.Id, log.Version, at);
                    db.LogShares.Add(new LogShare(log.Id, author == lee ? oli.Id : sol.Id, at));
                }
                db.ReflectiveLogs.Add(log);
                return log;
            }
            var returned = Log(ash, "Ash returned log", now.AddDays(-3));
            returned.RequestRevision(sol.Id, "Please say more about what you did next.", returned.Version, protector, At(t.AddDays(-1)));
            Log(ash, "Ash shared long ago", now.AddDays(-20));
            Log(ash, "Ash draft", null);
            Log(bea, "Bea shared recently", now.AddDays(-2));
            var signedOff = Log(bea, "Bea signed off", now.AddDays(-10));
            signedOff.SignOff(sol.Id, signedOff.Version, now.AddDays(-9));
            Log(cal, "Cal shared", now.AddDays(-4));
            Log(lee, "Lee shared", now.AddDays(-4));
            var leeReturned = Log(lee, "Lee returned", now.AddDays(-4));
            leeReturned.RequestRevision(oli.Id, "More, please.", leeReturned.Version, protector, now.AddDays(-3));
            await db.SaveChangesAsync();

            SupervisionRecord Record(User supervisor, User supervisee, DateOnly session, DateOnly? next, bool supervisorSigns, bool superviseeSigns)
            {
                var record = SupervisionRecord.Start(supervisor.Id, supervisee.Id, [], new SessionDetails(session, next, SessionNotes.Empty with { Wellbeing = "Coping well." }, [], []), protector, At(session));
                if (supervisorSigns) record.SignAsSupervisor(supervisor.Id, record.Version, protector, At(session).AddHours(1));
                if (superviseeSigns) record.Acknowledge(supervisee.Id, record.Version, At(session).AddHours(2));
                db.SupervisionRecords.Add(record);
                return record;
            }
            Record(sol, ash, t.AddDays(-55), t.AddDays(-27), true, true);
            Record(sol, ash, t.AddDays(-25), t.AddDays(20), true, false);
            Record(sol, bea, t.AddDays(-3), null, false, false);
            Record(sol, cal, t.AddDays(-6), null, true, true);
            Record(oli, lee, t.AddDays(-2), null, false, false);
            await db.SaveChangesAsync();
        });
        return new Cast(sol, ash, bea, dee, cal, oli, lee, t);
    }
}

public sealed class HomeTasksTestsOnSqlite(SqliteAppFactory factory) : HomeTasksTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class HomeTasksTestsOnPostgres(PostgresAppFactory factory) : HomeTasksTests(factory), IClassFixture<PostgresAppFactory>;
