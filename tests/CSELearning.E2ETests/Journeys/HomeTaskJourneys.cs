using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Reflections;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// Each person's home page is their list of tasks: a learner whose log came back for revision finds it there and
/// follows it to the log; their supervisor finds the log waiting for review and follows it to the review page.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class HomeTaskJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string Returned = "Thinking again about a late-night phone call";
    private const string Waiting = "A visit where the young person said little";

    [Fact]
    public async Task A_learner_follows_a_returned_log_from_their_home_and_their_supervisor_a_log_waiting_for_review()
    {
        var (learner, supervisor) = await TestAccounts.CreateSupervisionAsync(Fixture.App.Services, "Noor Haddad", "Ellis Grant");
        await WriteLogsAsync(learner, supervisor);

        var home = await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(learner);
        await Expect(home.Tasks("returned-logs")).ToHaveTextAsync([Returned]);
        await Expect(home.Tasks("continue")).ToHaveCountAsync(0);
        await Session.CaptureAtBothWidthsAsync("home-learner-tasks");
        await KeyboardUser.ActivateAsync(Session.Page, home.Task("returned-logs", Returned));
        var editor = await LogEditorPage.ArriveAsync(Session, Returned);
        await Expect(editor.Status).ToHaveTextAsync("Revision requested");

        await using var elsewhere = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        var supervisorHome = await (await SignInPage.OpenAsync(elsewhere)).SignInWithKeyboardAsync(supervisor);
        await Expect(supervisorHome.Tasks("logs-to-review")).ToHaveTextAsync([Waiting]);
        await Expect(supervisorHome.SupervisorSection).ToContainTextAsync($"From {learner.Name}, shared 3 days ago");
        await elsewhere.CaptureAtBothWidthsAsync("home-supervisor-tasks");
        await KeyboardUser.ActivateAsync(elsewhere.Page, supervisorHome.Task("logs-to-review", Waiting));
        await ReviewPage.ArriveAsync(elsewhere, Waiting, learner.Name);
        elsewhere.AssertCleanEnding();
    }

    // One log returned to the learner for revision, and one shared three days ago and waiting for review.
    private async Task WriteLogsAsync(Account learner, Account supervisor)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ITextProtector>();
        var learnerId = await db.Users.Where(u => u.Email == learner.Email).Select(u => u.Id).SingleAsync();
        var supervisorId = await db.Users.Where(u => u.Email == supervisor.Email).Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        ReflectiveLog Shared(string title, DateTime at)
        {
            var log = new ReflectiveLog(learnerId, new ReflectionText(title, GibbsStages.All.ToDictionary(s => s, s => $"What happened: {s.Key()}.")), protector, at.AddHours(-1));
            log.Share(learnerId, log.Version, at);
            db.ReflectiveLogs.Add(log);
            db.LogShares.Add(new LogShare(log.Id, supervisorId, at));
            return log;
        }
        var returned = Shared(Returned, now.AddDays(-5));
        returned.RequestRevision(supervisorId, "Say more about what you did next.", returned.Version, protector, now.AddDays(-1));
        Shared(Waiting, now.AddDays(-3));
        await db.SaveChangesAsync();
    }
}
