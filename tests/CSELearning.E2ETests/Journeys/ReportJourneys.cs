using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>A commissioner reading uptake across their partnership.</summary>
[Collection(EndToEnd.Name)]
public sealed class ReportJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    [Fact]
    public async Task A_commissioner_filters_the_uptake_report_bookmarks_it_and_downloads_the_same_table_as_CSV()
    {
        var home = await (await SignInPage.OpenAsync(Session)).SignInAsync(Organisation.Commissioner);
        var report = await home.Navigation.OpenReportsAsync();
        await Expect(Page.GetByText(Organisation.Partnership, new() { Exact = true })).ToBeVisibleAsync();

        await report.Agency.SelectOptionAsync(new SelectOptionValue { Label = Organisation.Agency });
        await report.Module.SelectOptionAsync(new SelectOptionValue { Label = "Recognising the signs of child sexual exploitation" });
        await report.JobRole.SelectOptionAsync(new SelectOptionValue { Label = "Social worker" });
        await report.BreakDownBy.SelectOptionAsync(new SelectOptionValue { Label = "Job role" });
        report = await report.ApplyAsync();

        // The filters are in the address, so the view can be bookmarked and opened again as it was.
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]module=recognising-exploitation\b.*[?&]by=Role\b|[?&]by=Role\b.*[?&]module=recognising-exploitation\b"));
        var bookmark = Page.Url;
        await Expect(report.Table.Locator("caption")).ToHaveTextAsync("Uptake by job role");
        // The one social worker who is a learner here: every figure is drawn from fewer than five people, so none is shown.
        var row = report.Table.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("th, td")).ToHaveTextAsync([
            "Recognising the signs of child sexual exploitation", "Social worker",
            "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5"]);
        await Expect(report.Chart).ToHaveCountAsync(1);

        var csv = await report.DownloadCsvAsync();
        Assert.Equal(
            "Module,Job role,Learners in scope,Started,Completed,Completion rate,Median learning time,Refresh due\r\n" +
            "Recognising the signs of child sexual exploitation,Social worker,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5\r\n",
            csv);

        await Page.GotoAsync(bookmark);
        report = await Pages.Reports.UptakePage.ArriveAsync(Session);
        await Expect(Pages.AppPage.ChosenOption(report.BreakDownBy)).ToHaveTextAsync("Job role");
        await Expect(Pages.AppPage.ChosenOption(report.Agency)).ToHaveTextAsync(Organisation.Agency);
    }

    private IPage Page => Session.Page;
}
