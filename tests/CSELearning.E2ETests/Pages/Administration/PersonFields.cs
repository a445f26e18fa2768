using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>Who a person is and where they work, as the add and change forms take it: lists are chosen by the words they show.</summary>
public sealed record PersonDetails(string Email, string Name, string JobRole, string Partnership, string Agency, string? Team, string Role);

/// <summary>The fields the add-a-person and change-a-person forms share, found by their labels.</summary>
public sealed class PersonFields(IPage page)
{
    public ILocator Email => page.GetByLabel("Email address", new() { Exact = true });

    public ILocator Name => page.GetByLabel("Full name", new() { Exact = true });

    public ILocator JobRole => page.GetByLabel("Job role", new() { Exact = true });

    public ILocator Agency => page.GetByLabel("Agency", new() { Exact = true });

    public ILocator Team => page.GetByLabel("Team (optional)", new() { Exact = true });

    public ILocator Role(string role) => page.GetByRole(AriaRole.Group, new() { Name = "Roles" }).GetByLabel(role, new() { Exact = true });

    /// <summary>The agency list names each agency with its partnership, and the team list each team with its agency.</summary>
    public static string AgencyOption(string agency, string partnership) => $"{agency} ({partnership})";

    public static string TeamOption(string team, string agency) => $"{team} ({agency})";

    public async Task FillAsync(PersonDetails person)
    {
        await Email.FillAsync(person.Email);
        await Name.FillAsync(person.Name);
        await JobRole.SelectOptionAsync(new SelectOptionValue { Label = person.JobRole });
        await Agency.SelectOptionAsync(new SelectOptionValue { Label = AgencyOption(person.Agency, person.Partnership) });
        await Team.SelectOptionAsync(person.Team is null
            ? new SelectOptionValue { Label = "No team" }
            : new SelectOptionValue { Label = TeamOption(person.Team, person.Agency) });
        await Role(person.Role).CheckAsync();
    }
}
