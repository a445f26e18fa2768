using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages.Administration;
using CSELearning.E2ETests.Pages.Modules;
using CSELearning.E2ETests.Pages.Reflections;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>
/// What every page of the site has: the service navigation, and room for a success banner or an error
/// summary. A page object is only made by its ArriveAsync, which waits for the page and checks it
/// with axe, so holding one means the page is showing and has passed.
/// </summary>
public abstract class AppPage(BrowserSession session)
{
    protected BrowserSession Session { get; } = session;

    protected IPage Page => Session.Page;

    public ServiceNavigation Navigation => new(Session);

    public ErrorSummary Errors => new(Page);

    /// <summary>The green banner that confirms what just happened ("Your password has been changed").</summary>
    public ILocator SuccessBanner => Page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading");

    /// <summary>Follows the Privacy link in the footer, which every page has, signed in or not.</summary>
    public async Task<PrivacyNoticePage> OpenPrivacyNoticeFromFooterAsync()
    {
        await Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Privacy", Exact = true }).ClickAsync();
        return await PrivacyNoticePage.ArriveAsync(Session);
    }

    /// <summary>The option a select list shows as chosen: its text is what the person sees.</summary>
    public static ILocator ChosenOption(ILocator select) => select.Locator("option:checked");

    /// <summary>A record's id in a path pattern for <see cref="BrowserSession.ArriveAsync(string, string)"/>, as the site writes a Guid.</summary>
    protected const string IdPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /// <summary>The value beside <paramref name="key"/> in a GOV.UK summary list within <paramref name="scope"/> (the page when null).</summary>
    protected ILocator SummaryValue(string key, ILocator? scope = null) =>
        (scope ?? Page.Locator("body")).Locator(".govuk-summary-list__row")
            .Filter(new() { Has = Page.Locator(".govuk-summary-list__key", new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(key)}\s*$") }) })
            .Locator(".govuk-summary-list__value");
}

/// <summary>The GOV.UK error summary at the top of a form that came back with problems.</summary>
public sealed class ErrorSummary(IPage page)
{
    public ILocator Root => page.Locator(".govuk-error-summary");

    public ILocator Title => Root.Locator(".govuk-error-summary__title");

    public ILocator Links => Root.GetByRole(AriaRole.Link);

    public ILocator Link(string text) => Root.GetByRole(AriaRole.Link, new() { Name = text, Exact = true });
}

/// <summary>The GOV.UK service navigation across the top of every page.</summary>
public sealed class ServiceNavigation(BrowserSession session)
{
    public ILocator Root => session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });

    public ILocator Links => Root.GetByRole(AriaRole.Link);

    public ILocator SignOutButton => Root.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    public async Task<ModulesPage> OpenModulesAsync()
    {
        await Root.GetByRole(AriaRole.Link, new() { Name = "Modules", Exact = true }).ClickAsync();
        return await ModulesPage.ArriveAsync(session);
    }

    /// <summary>Tabs to Modules in the navigation and follows it with Enter.</summary>
    public async Task<ModulesPage> OpenModulesWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(session.Page, Link("Modules"));
        return await ModulesPage.ArriveAsync(session);
    }

    public async Task<MyLearningPage> OpenMyLearningAsync()
    {
        await Link("My learning").ClickAsync();
        return await MyLearningPage.ArriveAsync(session);
    }

    /// <summary>
    /// Reaches My learning in the navigation with the keyboard and follows it with Enter: by Shift+Tab when
    /// <paramref name="backwards"/>, as from a banner that took the focus further down the page.
    /// </summary>
    public async Task<MyLearningPage> OpenMyLearningWithKeyboardAsync(bool backwards = false)
    {
        await KeyboardUser.ActivateAsync(session.Page, Link("My learning"), backwards);
        return await MyLearningPage.ArriveAsync(session);
    }

    public async Task<ReflectiveLogsPage> OpenReflectiveLogsAsync()
    {
        await Link("Reflective logs").ClickAsync();
        return await ReflectiveLogsPage.ArriveAsync(session);
    }

    /// <summary>Tabs to Reflective logs in the navigation and follows it with Enter.</summary>
    public async Task<ReflectiveLogsPage> OpenReflectiveLogsWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(session.Page, Link("Reflective logs"));
        return await ReflectiveLogsPage.ArriveAsync(session);
    }

    /// <summary>A supervisor's caseload, from the navigation.</summary>
    public async Task<CaseloadPage> OpenCaseloadAsync()
    {
        await Link("Supervisees").ClickAsync();
        return await CaseloadPage.ArriveAsync(session);
    }

    /// <summary>Tabs to Caseload in the navigation (a supervisor's only) and follows it with Enter.</summary>
    public async Task<CaseloadPage> OpenCaseloadWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(session.Page, Link("Supervisees"));
        return await CaseloadPage.ArriveAsync(session);
    }

    /// <summary>The reports (commissioners and administrators), which open on uptake.</summary>
    public async Task<Reports.UptakePage> OpenReportsAsync()
    {
        await Link("Reports").ClickAsync();
        return await Reports.UptakePage.ArriveAsync(session);
    }

    /// <summary>Item analysis (content reviewers and administrators), from the navigation.</summary>
    public async Task<ItemAnalysisPage> OpenItemAnalysisAsync()
    {
        await Link("Item analysis").ClickAsync();
        return await ItemAnalysisPage.ArriveAsync(session);
    }

    public async Task<AdministrationPage> OpenAdministrationAsync()
    {
        await Root.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
        return await AdministrationPage.ArriveAsync(session);
    }

    public async Task<AccountPage> OpenYourAccountAsync()
    {
        await Root.GetByRole(AriaRole.Link, new() { Name = "Your account", Exact = true }).ClickAsync();
        return await AccountPage.ArriveAsync(session);
    }

    public async Task<SignedOutPage> SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        return await SignedOutPage.ArriveAsync(session);
    }

    private ILocator Link(string text) => Root.GetByRole(AriaRole.Link, new() { Name = text, Exact = true });
}
