using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>The site's plain error page ("Page not found", "You do not have access to this page").</summary>
public sealed class ErrorPage : AppPage
{
    public const string NotFound = "Page not found";
    public const string Forbidden = "You do not have access to this page";

    private ErrorPage(BrowserSession session, int status) : base(session) => Status = status;

    /// <summary>The HTTP status the page came with.</summary>
    public int Status { get; }

    public ILocator Explanation => Page.GetByRole(AriaRole.Main).Locator("p.govuk-body").First;

    /// <summary>Goes to <paramref name="path"/> expecting the error page titled <paramref name="title"/>.</summary>
    public static async Task<ErrorPage> OpenAsync(BrowserSession session, string path, string title)
    {
        var response = await session.Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        await session.ArriveAsync(Regex.Escape(path.TrimStart('/')), title);
        return new ErrorPage(session, response.Status);
    }

    public async Task<HomePage> GoToTheHomePageAsync(string name)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" }).ClickAsync();
        return await HomePage.ArriveAsync(Session, name);
    }
}
