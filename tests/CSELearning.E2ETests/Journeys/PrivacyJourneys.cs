using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>The privacy notice and the download of one's own data, each page checked with axe on arrival.</summary>
[Collection(EndToEnd.Name)]
public sealed class PrivacyJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    private static readonly string[] NoticeSections =
        ["What we hold about you", "Why we hold it", "Who can see your reflective logs", "How long we keep it", "Your rights"];

    [Fact]
    public async Task Someone_signed_out_reads_the_privacy_notice_from_the_footer()
    {
        var signIn = await SignInPage.OpenAsync(Session);

        var notice = await signIn.OpenPrivacyNoticeFromFooterAsync();

        await Expect(notice.SectionHeadings).ToHaveTextAsync(NoticeSections);
    }

    [Fact]
    public async Task A_learner_finds_the_download_of_their_data_from_their_account_and_from_the_privacy_notice()
    {
        var home = await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(Organisation.For(Roles.Learner));

        var myData = await (await home.Navigation.OpenYourAccountAsync()).DownloadYourDataAsync();
        await Expect(myData.DownloadLink).ToHaveAttributeAsync("href", "/account/my-data.zip");

        var notice = await myData.OpenPrivacyNoticeAsync();
        await Expect(notice.SectionHeadings).ToHaveTextAsync(NoticeSections);
        myData = await notice.OpenDownloadYourDataAsync();
        await Expect(myData.DownloadLink).ToBeVisibleAsync();
    }
}
