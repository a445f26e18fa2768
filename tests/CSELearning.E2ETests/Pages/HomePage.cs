using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>The dashboard: a section for each role the person holds.</summary>
public sealed class HomePage : AppPage
{
    private HomePage(BrowserSession session) : base(session) { }

    public ILocator LearnerSection => Section("Your learning and supervision");

    public ILocator SupervisorSection => Section("Your supervisees");

    public ILocator AdministratorSection => Section("Administration");

    /// <summary>A commissioner's section is headed with the name of their partnership.</summary>
    public ILocator CommissionerSection(string partnership) => Section(partnership);

    /// <summary>The tasks in the summary card with this id ("returned-logs", "logs-to-review"...), each a link.</summary>
    public ILocator Tasks(string cardId) => Page.Locator($"#{cardId} .govuk-task-list__link");

    /// <summary>A task's link, by its text, in the summary card with this id.</summary>
    public ILocator Task(string cardId, string text) => Page.Locator($"#{cardId}").GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>Every section on the page, by its heading.</summary>
    public ILocator Sections => Page.Locator("main section");

    public static async Task<HomePage> ArriveAsync(BrowserSession session, string name)
    {
        await session.ArriveAsync("", $"Welcome, {name}");
        return new HomePage(session);
    }

    private ILocator Section(string heading) => Page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });
}
