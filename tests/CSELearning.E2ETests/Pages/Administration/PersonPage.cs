using System.Globalization;
using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>A person as an administrator sees them: details, supervision both ways, and access.</summary>
public sealed class PersonPage : AppPage
{
    private PersonPage(BrowserSession session, string name) : base(session) => Name = name;

    public string Name { get; }

    /// <summary>The tag beside the name: "Active" or "Deactivated".</summary>
    public ILocator Status => Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".govuk-tag");

    public ILocator Detail(string key) => SummaryValue(key);

    public ILocator Supervisors => Page.GetByRole(AriaRole.Table, new() { Name = $"Supervisors of {Name}, current and past", Exact = true });

    /// <summary>The cells of the row for a supervision by <paramref name="supervisor"/>: name, from, until, state and the form to end it.</summary>
    public ILocator SupervisionBy(string supervisor) =>
        Supervisors.GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = supervisor, Exact = true }) })
            .GetByRole(AriaRole.Cell);

    /// <summary>The heading holds the name and then the status tag.</summary>
    public static async Task<PersonPage> ArriveAsync(BrowserSession session, string name)
    {
        await session.ArriveAsync($"admin/users/{IdPattern}", new Regex($@"^\s*{Regex.Escape(name)}\s+(Active|Deactivated)\s*$"));
        return new PersonPage(session, name);
    }

    public async Task<PeoplePage> BackToPeopleAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to people", Exact = true }).ClickAsync();
        return await PeoplePage.ArriveAsync(Session);
    }

    public async Task<ChangePersonPage> ChangeDetailsAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Change details of {Name}", Exact = true }).ClickAsync();
        return await ChangePersonPage.ArriveAsync(Session, Name);
    }

    public async Task<AddSupervisorPage> AddSupervisorAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a supervisor", Exact = true }).ClickAsync();
        return await AddSupervisorPage.ArriveAsync(Session, Name);
    }

    /// <summary>Sets the last day in the row's own date field and presses its End button.</summary>
    public async Task<PersonPage> EndSupervisionAsync(string supervisor, DateOnly lastDay)
    {
        await Page.GetByLabel($"Last day of supervision by {supervisor}", new() { Exact = true })
            .FillAsync(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = $"End supervision by {supervisor}", Exact = true }).ClickAsync();
        return await ArriveAsync(Session, Name);
    }

    public async Task<PersonPage> DeactivateAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Deactivate account", Exact = true }).ClickAsync();
        return await ArriveAsync(Session, Name);
    }

    public async Task<PersonPage> ReactivateAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reactivate account", Exact = true }).ClickAsync();
        return await ArriveAsync(Session, Name);
    }
}
