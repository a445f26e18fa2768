using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>"Change [name]'s details": the add-a-person form, filled from the account.</summary>
public sealed class ChangePersonPage : AppPage
{
    private ChangePersonPage(BrowserSession session) : base(session) => Fields = new PersonFields(session.Page);

    public PersonFields Fields { get; }

    public static async Task<ChangePersonPage> ArriveAsync(BrowserSession session, string name)
    {
        await session.ArriveAsync($"admin/users/{IdPattern}/edit", $"Change {name}'s details");
        return new ChangePersonPage(session);
    }

    /// <summary>Saves the form as it stands (the journey changes fields through <see cref="Fields"/> first).</summary>
    public async Task<PersonPage> SaveAsync(string name)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save changes", Exact = true }).ClickAsync();
        return await PersonPage.ArriveAsync(Session, name);
    }
}
