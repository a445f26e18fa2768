using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Reflections;

/// <summary>
/// A log its author cannot change now, as they see it: shared and awaiting review, or signed off and locked.
/// The text of each stage stands under its heading in place of the editor, with the supervisor's comments.
/// </summary>
public sealed class AuthorLogPage : AppPage
{
    private AuthorLogPage(BrowserSession session) : base(session) { }

    /// <summary>The tag under the heading: "Awaiting review" or "Signed off".</summary>
    public ILocator Status => Page.Locator("main h1 + p .govuk-tag");

    /// <summary>"Shared on ... and waiting for your supervisor's review. ..."</summary>
    public ILocator AwaitingNotice => Page.Locator("main .govuk-inset-text").Filter(new() { HasText = "waiting for your supervisor's review" });

    /// <summary>"Signed off on ... The log is locked; only a supervisor can reopen it."</summary>
    public ILocator LockedNotice => Page.Locator("main .govuk-inset-text").Filter(new() { HasText = "The log is locked" });

    /// <summary>The log's text, stage by stage, with the comments on each.</summary>
    public ILocator Log => Page.Locator("main #log");

    /// <summary>The heading of a stage, in the order of Gibbs' cycle.</summary>
    public ILocator StageHeadings => Log.GetByRole(AriaRole.Heading, new() { Level = 2 });

    /// <summary>Every comment on the log, in the order of the stages.</summary>
    public ILocator Comments => Log.Locator(".app-review-comment");

    /// <summary>The thread under one stage, by its heading ("Feelings"): its comments and replies, in order.</summary>
    public ILocator CommentsOn(string stage) =>
        Log.Locator($"xpath=./ol[contains(concat(' ', @class, ' '), ' app-thread ')][preceding-sibling::h2[1][normalize-space() = '{stage}']]/li");

    /// <summary>The reply box under a stage that has comments, labelled "Reply on " and the stage.</summary>
    public ILocator ReplyField(string stage) => Page.GetByLabel($"Reply on {stage.ToLowerInvariant()}", new() { Exact = true });

    public ILocator SendRepliesButton => Page.GetByRole(AriaRole.Button, new() { Name = "Send replies", Exact = true });

    /// <summary>Writes a reply under each stage given, then presses "Send replies" once.</summary>
    public async Task<AuthorLogPage> ReplyAsync(string title, params (string Stage, string Text)[] replies)
    {
        foreach (var (stage, text) in replies) await ReplyField(stage).FillAsync(text);
        await SendRepliesButton.ClickAsync();
        return await ArriveAsync(Session, title);
    }

    /// <summary>Form fields on the page's main content: none for a signed-off log, reply boxes for one with comments.</summary>
    public ILocator Fields => Page.Locator("main").Locator("input:not([type=hidden]), textarea");

    public static async Task<AuthorLogPage> ArriveAsync(BrowserSession session, string title)
    {
        await session.ArriveAsync($"reflections/{IdPattern}", title);
        await Expect(session.Page.Locator("main .govuk-caption-l")).ToHaveTextAsync("Your reflective log");
        return new AuthorLogPage(session);
    }
}
