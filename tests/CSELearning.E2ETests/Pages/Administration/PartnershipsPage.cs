using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Administration;

/// <summary>Every partnership, with its agencies and active people.</summary>
public sealed class PartnershipsPage : AppPage
{
    private PartnershipsPage(BrowserSession session) : base(session) { }

    public ILocator Table => Page.GetByRole(AriaRole.Table, new() { Name = "All partnerships" });

    /// <summary>The row of the partnership named <paramref name="name"/>, by its link.</summary>
    public ILocator Row(string name) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public static async Task<PartnershipsPage> ArriveAsync(BrowserSession session)
    {
        await session.ArriveAsync("admin/partnerships", "Partnerships");
        return new PartnershipsPage(session);
    }

    public async Task<AddPartnershipPage> AddPartnershipAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a partnership", Exact = true }).ClickAsync();
        return await AddPartnershipPage.ArriveAsync(Session);
    }

    public async Task<PartnershipPage> OpenAsync(string name)
    {
        await Table.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        return await PartnershipPage.ArriveAsync(Session, name);
    }
}
