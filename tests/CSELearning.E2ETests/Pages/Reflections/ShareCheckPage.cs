using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Reflections;

/// <summary>
/// The identifying-detail check before a log is shared: the log's text with each possible identifying detail
/// marked and numbered, a checkbox for each ("Detail 1, ... does not identify a child or family"), and the
/// button that shares the log once every detail is confirmed.
/// </summary>
public sealed class ShareCheckPage : AppPage
{
    private const string Heading = "Check your log before sharing it";

    private readonly string _id;
    private readonly string _title;

    private ShareCheckPage(BrowserSession session, string id, string title) : base(session) => (_id, _title) = (id, title);

    /// <summary>Every detail the check marked in the text, in order.</summary>
    public ILocator Details => Page.Locator("#details mark");

    /// <summary>Detail <paramref name="number"/> (from 1) where it stands in the text, with "(detail n)" for screen readers.</summary>
    public ILocator Detail(int number) => Page.Locator($"#details mark#detail-{number}");

    /// <summary>The heading of the part of the log (Title, Description, ...) in which detail <paramref name="number"/> was found.</summary>
    public ILocator PartHoldingDetail(int number) =>
        Page.Locator($"#details p:has(mark#detail-{number})").Locator("xpath=preceding-sibling::h2[1]");

    public ILocator ConfirmationGroup => Page.GetByRole(AriaRole.Group, new() { Name = "Confirm each detail", Exact = true });

    /// <summary>One checkbox for each detail, in order.</summary>
    public ILocator Confirmations => ConfirmationGroup.GetByRole(AriaRole.Checkbox);

    /// <summary>The checkbox for detail <paramref name="number"/>, whose label begins "Detail n, ".</summary>
    public ILocator Confirmation(int number) =>
        ConfirmationGroup.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($"^Detail {number}, ") });

    /// <summary>The error message beside the checkbox of a detail not yet confirmed.</summary>
    public ILocator ConfirmationError(int number) =>
        ConfirmationGroup.Locator(".govuk-checkboxes__item").Nth(number - 1).Locator(".govuk-error-message");

    public ILocator ShareButton => Page.GetByRole(AriaRole.Button, new() { Name = "Share with your supervisor", Exact = true });

    public static async Task<ShareCheckPage> ArriveAsync(BrowserSession session, string id, string title)
    {
        await session.ArriveAsync($"reflections/{id}/share", Heading);
        return new ShareCheckPage(session, id, title);
    }

    /// <summary>Tabs to "Share with your supervisor" and presses Enter, expecting the check to turn it back.</summary>
    public async Task<ShareCheckPage> ShareExpectingErrorsWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(Page, ShareButton);
        return await ArriveAsync(Session, _id, _title);
    }

    /// <summary>Tabs to "Share with your supervisor" and presses Enter: the log comes back, shared.</summary>
    /// <summary>Shares the log: the author then sees it awaiting review, no longer editable.</summary>
    public async Task<AuthorLogPage> ShareWithKeyboardAsync()
    {
        await KeyboardUser.ActivateAsync(Page, ShareButton);
        return await AuthorLogPage.ArriveAsync(Session, _title);
    }
}
