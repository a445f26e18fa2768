using System.Globalization;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>"Add a supervisor" for one person: who, from when, and optionally until when.</summary>
public sealed class AddSupervisorPage : AppPage
{
    private readonly string _supervisee;

    private AddSupervisorPage(BrowserSession session, string supervisee) : base(session) => _supervisee = supervisee;

    public ILocator SupervisorField => Page.GetByLabel("Supervisor", new() { Exact = true });

    public ILocator StartDateField => Page.GetByLabel("Start date", new() { Exact = true });

    public ILocator EndDateField => Page.GetByLabel("End date (optional)", new() { Exact = true });

    public static async Task<AddSupervisorPage> ArriveAsync(BrowserSession session, string supervisee)
    {
        await session.ArriveAsync($"admin/users/{IdPattern}/supervisors/new", "Add a supervisor");
        var page = new AddSupervisorPage(session, supervisee);
        await Expect(page.Page.GetByRole(AriaRole.Main).Locator(".govuk-caption-l")).ToHaveTextAsync(supervisee);
        return page;
    }

    /// <summary>The supervisor list names each supervisor with their agency.</summary>
    public static string SupervisorOption(string name, string agency) => $"{name} ({agency})";

    public async Task<PersonPage> AddAsync(string supervisorOption, DateOnly startsOn)
    {
        await SupervisorField.SelectOptionAsync(new SelectOptionValue { Label = supervisorOption });
        await StartDateField.FillAsync(startsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add supervisor", Exact = true }).ClickAsync();
        return await PersonPage.ArriveAsync(Session, _supervisee);
    }
}
