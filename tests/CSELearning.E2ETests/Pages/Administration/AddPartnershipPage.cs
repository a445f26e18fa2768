using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Pages.Administration;

public sealed class AddPartnershipPage : AppPage
{
    private AddPartnershipPage(BrowserSession session) : base(session) { }

    public ILocator NameField => Page.GetByLabel("Name of the partnership", new() { Exact = true });

    public static async Task<AddPartnershipPage> ArriveAsync(BrowserSession session)
    {
        // A refused form comes back from a POST to the same address.
        await session.ArriveAsync("admin/partnerships/new", "Add a partnership");
        return new AddPartnershipPage(session);
    }

    public async Task<AddPartnershipPage> SubmitEmptyAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add partnership", Exact = true }).ClickAsync();
        return await ArriveAsync(Session);
    }

    /// <summary>Types the name into the focused name field and sends the form with Enter.</summary>
    public async Task<PartnershipPage> AddWithKeyboardAsync(string name)
    {
        await Expect(NameField).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(name);
        await Page.Keyboard.PressAsync("Enter");
        return await PartnershipPage.ArriveAsync(Session, name);
    }
}
