using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>"Add a person": makes an account with no password and emails an invitation to choose one.</summary>
public sealed class AddPersonPage : AppPage
{
    private AddPersonPage(BrowserSession session) : base(session) => Fields = new PersonFields(session.Page);

    public PersonFields Fields { get; }

    public static async Task<AddPersonPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("admin/users/new", "Add a person");
        return new AddPersonPage(session);
    }

    public async Task<PersonPage> AddAsync(PersonDetails person)
    {
        await Fields.FillAsync(person);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add person and send invitation", Exact = true }).ClickAsync();
        return await PersonPage.ArriveAsync(Session, person.Name);
    }
}
