using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>
/// A teaching page or a reflection in a module, with a way out, support, the module's references, and
/// previous and next links across all its sections (the last leads to "Finish the module").
/// </summary>
public sealed class ModuleSectionPage : AppPage
{
    private readonly string _moduleId;

    private ModuleSectionPage(BrowserSession session, string moduleId) : base(session) => _moduleId = moduleId;

    public ILocator Pagination => Page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of this module" });

    public ILocator PreviousLink => Pagination.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Previous") });

    public ILocator NextLink => Pagination.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Next") });

    /// <summary>The title of the section (or page) the Next link leads to.</summary>
    public ILocator NextTitle => NextLink.Locator(".govuk-pagination__link-label");

    public ILocator Citations => Page.Locator("main a[href^='#ref-']");

    /// <summary>The reference list entry the address's fragment points at.</summary>
    public ILocator TargetedReference => Page.Locator("main li:target");

    public ILocator Support => Page.Locator("main details.govuk-details");

    /// <summary>A reflection's prompts, each a heading of its own.</summary>
    public ILocator ReflectionPrompts => Page.Locator(".app-reflection-prompt").GetByRole(AriaRole.Heading, new() { Level = 2 });

    public static async Task<ModuleSectionPage> ArriveAsync(BrowserSession session, string moduleId, string sectionId, string title)
    {
        await session.ArriveAsync($"modules/{moduleId}/{sectionId}", title);
        return new ModuleSectionPage(session, moduleId);
    }

    /// <summary>Tabs to the Next link and follows it with Enter, to the next teaching page or reflection.</summary>
    public async Task<ModuleSectionPage> NextWithKeyboardAsync(string sectionId, string title)
    {
        await FollowNextWithKeyboardAsync();
        return await ArriveAsync(Session, _moduleId, sectionId, title);
    }

    /// <summary>Tabs to the Next link and follows it with Enter, into a scenario.</summary>
    public async Task<ScenarioPage> NextToScenarioWithKeyboardAsync(string scenarioId, string title)
    {
        await FollowNextWithKeyboardAsync();
        return await ScenarioPage.ArriveAsync(Session, _moduleId, scenarioId, title);
    }

    /// <summary>From the last section: tabs to Next, which is "Finish the module", and follows it.</summary>
    public async Task<CompletionPage> FinishWithKeyboardAsync()
    {
        await Expect(NextTitle).ToHaveTextAsync("Finish the module");
        await FollowNextWithKeyboardAsync();
        return await CompletionPage.ArriveAsync(Session, _moduleId);
    }

    /// <summary>Follows the first citation in the text: a jump within the page, to its reference.</summary>
    public async Task<string> FollowFirstCitationAsync()
    {
        var citation = Citations.First;
        var anchor = (await citation.GetAttributeAsync("href"))!.TrimStart('#');
        await citation.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("#" + Regex.Escape(anchor) + "$"));
        return anchor;
    }

    public async Task<ModulesPage> LeaveAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Leave this module", Exact = true }).ClickAsync();
        return await ModulesPage.ArriveAsync(Session);
    }

    private async Task FollowNextWithKeyboardAsync()
    {
        await KeyboardUser.TabToAsync(Page, NextLink);
        await Expect(NextLink).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
    }
}
