using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Supervision;

/// <summary>A supervision record, as the supervisor (its editor, with "Sign this record") or the supervisee (to comment and acknowledge) sees it.</summary>
public sealed class SupervisionRecordPage : AppPage
{
    private SupervisionRecordPage(BrowserSession session) : base(session) { }

    public ILocator CommentField => Page.GetByLabel("Add a comment", new() { Exact = true });

    public ILocator AddCommentButton => Page.GetByRole(AriaRole.Button, new() { Name = "Add comment", Exact = true });

    public ILocator Status => Page.Locator("main .govuk-tag").First;

    public static async Task<SupervisionRecordPage> OpenAsync(BrowserSession session, Guid id)
    {
        await session.Page.GotoAsync($"supervision/records/{id}");
        return await ArriveAsync(session);
    }

    public static async Task<SupervisionRecordPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync($"supervision/records/{IdPattern}", new System.Text.RegularExpressions.Regex("^Supervision session on "));
        return new SupervisionRecordPage(session);
    }

    public async Task<SignRecordPage> SignAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign this record", Exact = true }).ClickAsync();
        return await SignRecordPage.ArriveAsync(Session);
    }

    public async Task<AcknowledgeRecordPage> AcknowledgeAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge this record", Exact = true }).ClickAsync();
        return await AcknowledgeRecordPage.ArriveAsync(Session);
    }

    /// <summary>Presses "Acknowledge this record" with a comment typed and not added: the page comes back with it.</summary>
    public async Task<SupervisionRecordPage> AcknowledgeExpectingErrorsAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge this record", Exact = true }).ClickAsync();
        await Session.ArriveAsync($"supervision/records/{IdPattern}/acknowledge", new System.Text.RegularExpressions.Regex("^Supervision session on "));
        return new SupervisionRecordPage(Session);
    }

    public async Task<SupervisionRecordPage> AddCommentAsync()
    {
        await AddCommentButton.ClickAsync();
        return await ArriveAsync(Session);
    }
}

/// <summary>The supervisor's "Sign this record?": what signing locks, and the button that signs.</summary>
public sealed class SignRecordPage : AppPage
{
    private SignRecordPage(BrowserSession session) : base(session) { }

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public static async Task<SignRecordPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync($"supervision/records/{IdPattern}/sign", "Sign this record?");
        return new SignRecordPage(session);
    }

    public async Task<SupervisionRecordPage> ConfirmAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign this record", Exact = true }).ClickAsync();
        return await SupervisionRecordPage.ArriveAsync(Session);
    }
}

/// <summary>The supervisee's "Acknowledge this record?": what acknowledging locks, and the button that acknowledges.</summary>
public sealed class AcknowledgeRecordPage : AppPage
{
    private AcknowledgeRecordPage(BrowserSession session) : base(session) { }

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public static async Task<AcknowledgeRecordPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync($"supervision/records/{IdPattern}/acknowledge", "Acknowledge this record?");
        return new AcknowledgeRecordPage(session);
    }

    public async Task<SupervisionRecordPage> ConfirmAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, acknowledge this record", Exact = true }).ClickAsync();
        return await SupervisionRecordPage.ArriveAsync(Session);
    }
}
