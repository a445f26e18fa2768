using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>Finding people: a search form and filters over a table of everyone who matches.</summary>
public sealed class PeoplePage : AppPage
{
    private PeoplePage(BrowserSession session) : base(session) { }

    public ILocator SearchField => Page.GetByLabel("Name or email address", new() { Exact = true });

    /// <summary>The table of people found, captioned with how many ("Showing 1 to 2 of 2").</summary>
    public ILocator Results => Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Showing ") });

    /// <summary>The name of each person found, in the order shown.</summary>
    public ILocator ResultNames => Results.Locator("tbody").GetByRole(AriaRole.Link);

    public ILocator Row(string name) =>
        Results.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    /// <summary>The People page, with or without a query string of filters.</summary>
    public static async Task<PeoplePage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync(@"admin/users(\?.*)?", "People");
        return new PeoplePage(session);
    }

    /// <summary>Searches as a keyboard user would: type into the search field and press Enter.</summary>
    public async Task<PeoplePage> SearchWithKeyboardAsync(string term)
    {
        await SearchField.FocusAsync();
        await SearchField.ClearAsync();
        await Page.Keyboard.TypeAsync(term);
        await Page.Keyboard.PressAsync("Enter");
        var found = await ArriveAsync(Session);
        await Expect(found.SearchField).ToHaveValueAsync(term);
        return found;
    }

    public async Task<PersonPage> OpenPersonAsync(string name)
    {
        await Results.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        return await PersonPage.ArriveAsync(Session, name);
    }

    public async Task<AddPersonPage> AddPersonAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a person", Exact = true }).ClickAsync();
        return await AddPersonPage.ArriveAsync(Session);
    }
}
