using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>A person's notifications, unread ones tagged, and the link to their email preferences.</summary>
public sealed class NotificationsPage : AppPage
{
    private NotificationsPage(BrowserSession session) : base(session) { }

    public ILocator Items => Page.GetByRole(AriaRole.Main).Locator("ul.govuk-list > li");

    public ILocator Unread => Items.Filter(new() { Has = Page.Locator(".govuk-tag", new() { HasText = "Unread" }) });

    public static async Task<NotificationsPage> OpenAsync(BrowserSession session)
    {
        await session.Page.GotoAsync("notifications");
        return await ArriveAsync(session);
    }

    public static async Task<NotificationsPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("notifications", "Notifications");
        return new NotificationsPage(session);
    }

    public async Task<NotificationPreferencesPage> OpenPreferencesAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Choose which emails you get", Exact = true }).ClickAsync();
        return await NotificationPreferencesPage.ArriveAsync(Session);
    }
}

/// <summary>Which kinds of notification are also emailed.</summary>
public sealed class NotificationPreferencesPage : AppPage
{
    private NotificationPreferencesPage(BrowserSession session) : base(session) { }

    public ILocator Choices => Page.GetByRole(AriaRole.Checkbox);

    public static async Task<NotificationPreferencesPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("notifications/preferences", "Email preferences");
        return new NotificationPreferencesPage(session);
    }
}

/// <summary>Text kept from a form sent after its author's session ended.</summary>
public sealed class KeptDraftsPage : AppPage
{
    private KeptDraftsPage(BrowserSession session) : base(session) { }

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator GoBackButton => Main.GetByRole(AriaRole.Link, new() { Name = "Go back to the form", Exact = true });

    public ILocator DiscardButton => Main.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Discard this text") });

    public static async Task<KeptDraftsPage> OpenAsync(BrowserSession session)
    {
        await session.Page.GotoAsync("kept-drafts");
        await session.ArriveAsync("kept-drafts", "We kept what you wrote");
        return new KeptDraftsPage(session);
    }
}
