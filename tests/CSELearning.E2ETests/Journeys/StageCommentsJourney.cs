using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.E2ETests.Pages.Reflections;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>
/// A supervisor comments on two stages of a shared log and saves both with one press (the first comment is kept
/// as a draft while they write the second); the learner replies under one of them, and both read the stage's
/// thread, comment then reply.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class StageCommentsJourney(E2EFixture fixture) : JourneyTest(fixture)
{
    private const string Title = "A home visit that left me uneasy";
    private const string OnFeelings = "It is right to notice unease: what did it tell you about the home?";
    private const string OnAnalysis = "Link this to the neglect indicators in the module, and say which you saw.";
    private const string Reply = "It told me the younger child was often left alone; I raised it with the duty team.";

    [Fact]
    public async Task A_supervisor_saves_comments_on_two_stages_with_one_press_and_the_learner_replies_in_the_thread()
    {
        var (learner, supervisor) = await TestAccounts.CreateSupervisionAsync(Fixture.App.Services, "Sam Adeyemi", "Jo Pryce");
        var id = await SharedLogAsync(learner);

        await using (var elsewhere = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address))
        {
            await (await SignInPage.OpenAsync(elsewhere)).SignInWithKeyboardAsync(supervisor);
            await elsewhere.Page.GotoAsync($"/reflections/{id}");
            var review = await ReviewPage.ArriveAsync(elsewhere, Title, learner.Name, id);

            // The first comment is kept as a draft while the second is written; one press saves both.
            await review.CommentField("Feelings").FillAsync(OnFeelings);
            await Expect(review.AutosaveStatus).ToHaveTextAsync(new Regex("^Saved at "), new() { Timeout = 15_000 });
            review = await review.CommentAsync(("Feelings", OnFeelings), ("Analysis", OnAnalysis));
            await Expect(review.SuccessBanner).ToHaveTextAsync("2 comments added");
            await Expect(review.CommentsOn("Feelings")).ToContainTextAsync([OnFeelings]);
            await Expect(review.CommentsOn("Analysis")).ToContainTextAsync([OnAnalysis]);
            await Expect(review.CommentField("Feelings")).ToHaveValueAsync("");
            elsewhere.AssertCleanEnding();
        }

        await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(learner);
        await Session.Page.GotoAsync($"/reflections/{id}");
        var log = await AuthorLogPage.ArriveAsync(Session, Title);
        await Expect(log.ReplyField("Feelings")).ToBeVisibleAsync();
        await Expect(log.ReplyField("Description")).ToHaveCountAsync(0);
        log = await log.ReplyAsync(Title, ("Feelings", Reply));
        await Expect(log.SuccessBanner).ToHaveTextAsync("Reply sent");
        await Expect(log.CommentsOn("Feelings")).ToHaveCountAsync(2);
        await Expect(log.CommentsOn("Feelings").Nth(0)).ToContainTextAsync(OnFeelings);
        await Expect(log.CommentsOn("Feelings").Nth(1)).ToContainTextAsync($"{learner.Name} replied");
        await Expect(log.CommentsOn("Feelings").Nth(1)).ToContainTextAsync(Reply);

        // The supervisor sees the same thread.
        await using var again = await BrowserSession.OpenAsync(Fixture.Browser, Fixture.App.Address);
        await (await SignInPage.OpenAsync(again)).SignInWithKeyboardAsync(supervisor);
        await again.Page.GotoAsync($"/reflections/{id}");
        var reviewed = await ReviewPage.ArriveAsync(again, Title, learner.Name, id);
        await Expect(reviewed.CommentsOn("Feelings")).ToHaveCountAsync(2);
        await Expect(reviewed.CommentsOn("Feelings").Nth(1)).ToContainTextAsync(Reply);
        await again.CaptureAtBothWidthsAsync("review-with-threads");
        again.AssertCleanEnding();
    }

    private async Task<string> SharedLogAsync(Account learner)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ITextProtector>();
        var author = await db.Users.SingleAsync(u => u.Email == learner.Email);
        var supervisorId = await db.SupervisionRelationships.Where(r => r.SuperviseeId == author.Id).Select(r => r.SupervisorId).SingleAsync();
        var now = DateTime.UtcNow.AddMinutes(-5);
        var log = new ReflectiveLog(author.Id, new ReflectionText(Title, GibbsStages.All.ToDictionary(s => s, s => s switch
        {
            GibbsStage.Description => "I visited a family where the younger child answered the door alone.",
            GibbsStage.Feelings => "Uneasy, and unsure whether to say anything there and then.",
            GibbsStage.Analysis => "Being left alone often may be a sign of neglect.",
            _ => "",
        })), protector, now);
        log.Share(author.Id, log.Version, now);
        db.ReflectiveLogs.Add(log);
        db.LogShares.Add(new LogShare(log.Id, supervisorId, now));
        await db.SaveChangesAsync();
        return log.Id.ToString();
    }
}
