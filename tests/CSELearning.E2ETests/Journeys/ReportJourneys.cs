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

    [Fact]
    public async Task A_content_reviewer_reads_item_analysis_for_a_module_and_no_person_is_named()
    {
        var reviewer = await TestAccounts.CreateContentReviewerAsync(Fixture.App.Services, "Rowan Adeyemi");
        var home = await (await SignInPage.OpenAsync(Session)).SignInAsync(reviewer);
        var items = await home.Navigation.OpenItemAnalysisAsync();

        await items.Module.SelectOptionAsync(new SelectOptionValue { Label = "Recognising the signs of child sexual exploitation" });
        items = await items.ShowAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]module=recognising-exploitation\b"));
        // The sample check's four questions, each with its options, and the scenario's decision points and endings.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Knowledge-check questions", Exact = true })).ToBeVisibleAsync();
        await Expect(items.Tables.Filter(new() { Has = Page.Locator("caption", new() { HasTextRegex = new Regex("^Options of question") }) })).ToHaveCountAsync(4);
        await Expect(items.Tables.Filter(new() { Has = Page.Locator("caption", new() { HasTextString = "where the first time through ended" }) })).ToHaveCountAsync(1);
        // Learners of other journeys have taken the module here; none of them is named.
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Sam Okafor");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync(Organisation.Learner.Name);
        await Session.CaptureAtBothWidthsAsync("item-analysis");
        // Nothing else is the reviewer's: no reports, caseload or administration in the navigation.
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true })).ToHaveCountAsync(0);
    }

    private IPage Page => Session.Page;
}
