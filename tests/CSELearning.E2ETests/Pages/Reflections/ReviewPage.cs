using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Reflections;

/// <summary>
/// A supervisee's shared log as their supervisor reviews it: the text of each stage under its heading with its
/// thread (comments and the author's replies), a comment box under each while the log is open, and the review
/// itself (sign off, or request a revision). The boxes and the buttons are one form.
/// </summary>
public sealed class ReviewPage : AppPage
{
    private ReviewPage(BrowserSession session, string id, string title, string author) : base(session) =>
        (Id, Title, Author) = (id, title, author);

    public string Id { get; }

    public string Title { get; }

    public string Author { get; }

    /// <summary>The caption over the heading: "Reflective log by " and the author.</summary>
    public ILocator Caption => Page.Locator("main .govuk-caption-l");

    /// <summary>The tag under the heading: "Awaiting review", "Signed off", ...</summary>
    public ILocator Status => Page.Locator("main h1 + p .govuk-tag");

    /// <summary>The log's text, stage by stage, with the comments on each.</summary>
    public ILocator Log => Page.Locator("main #log");

    /// <summary>Every comment on the log, in the order of the stages.</summary>
    public ILocator Comments => Log.Locator(".app-review-comment");

    /// <summary>The thread under one stage, by its heading ("Feelings"): its comments and replies, in order.</summary>
    public ILocator CommentsOn(string stage) =>
        Log.Locator($"xpath=./ol[contains(concat(' ', @class, ' '), ' app-thread ')][preceding-sibling::h2[1][normalize-space() = '{stage}']]/li");

    /// <summary>The comment field under a stage, labelled "Comment on " and the stage ("description", "action plan").</summary>
    public ILocator CommentField(string stage) => Page.GetByLabel($"Comment on {stage.ToLowerInvariant()}", new() { Exact = true });

    /// <summary>The one "Save comments" button, which saves the comment written under every stage.</summary>
    public ILocator SaveCommentsButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save comments", Exact = true });

    /// <summary>"Saved at ..." once the comments being written are kept as a draft.</summary>
    public ILocator AutosaveStatus => Page.Locator("#review-autosave-status");

    public ILocator SignOffButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign off this log", Exact = true });

    public ILocator RequestRevisionButton => Page.GetByRole(AriaRole.Button, new() { Name = "Request a revision", Exact = true });

    /// <summary>The notice on a signed-off log.</summary>
    public ILocator LockedNotice => Page.Locator("main .govuk-inset-text").Filter(new() { HasText = "The log is locked" });

    public static async Task<ReviewPage> ArriveAsync(BrowserSession session, string title, string author, string? id = null)
    {
        await session.ArriveAsync($"reflections/{id ?? IdPattern}", title);
        await Expect(session.Page.Locator("main .govuk-caption-l")).ToHaveTextAsync($"Reflective log by {author}");
        return new ReviewPage(session, id ?? new Uri(session.Page.Url).Segments[^1], title, author);
    }

    /// <summary>Writes a comment under a stage and presses "Save comments".</summary>
    public Task<ReviewPage> CommentAsync(string stage, string text) => CommentAsync((stage, text));

    /// <summary>Writes a comment under each stage given, then presses "Save comments" once.</summary>
    public async Task<ReviewPage> CommentAsync(params (string Stage, string Text)[] comments)
    {
        foreach (var (stage, text) in comments) await CommentField(stage).FillAsync(text);
        await SaveCommentsButton.ClickAsync();
        return await ArriveAsync(Session, Title, Author, Id);
    }

    public ILocator ConfirmSignOff => Page.GetByLabel("I understand signing off locks this log", new() { Exact = true });

    /// <summary>Confirms that signing off locks the log and presses "Sign off this log": the log comes back signed off, and locked.</summary>
    public async Task<ReviewPage> SignOffAsync()
    {
        await ConfirmSignOff.CheckAsync();
        await SignOffButton.ClickAsync();
        return await ArriveAsync(Session, Title, Author, Id);
    }
}
