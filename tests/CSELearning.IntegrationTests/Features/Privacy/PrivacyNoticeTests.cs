using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;

namespace CSELearning.IntegrationTests.Features.Privacy;

/// <summary>
/// The privacy notice: open to everyone, linked from the footer of every page, and it states the retention
/// periods the site is configured with, not fixed text.
/// </summary>
public abstract class PrivacyNoticeTests(AppFactory factory) : IntegrationTest(factory)
{
    protected abstract string ReflectionsPeriod { get; }

    [Fact]
    public async Task Anyone_can_read_it_and_it_states_the_configured_retention_periods()
    {
        var page = await Factory.CreateBrowser().GetPageAsync("/privacy");
        Assert.Contains("<h1 class=\"govuk-heading-l\">Privacy notice</h1>", page);
        Assert.Contains($"Deleted {ReflectionsPeriod} after it is closed, with the comments", page);
        Assert.Contains("Deleted 6 years after it is closed.", page);
        Assert.Contains("Deleted 1 year after you read them", page);
        Assert.Contains("deleted 30 days after it was sent", page);
        foreach (var heading in new[] { "What we hold about you", "Why we hold it", "Who can see your reflective logs", "How long we keep it", "Your rights" })
            Assert.Contains($">{heading}</h2>", page);
        Assert.Contains("href=\"/account/my-data\"", page);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.Administrator)]
    public async Task Every_page_links_to_it_from_the_footer(string? role)
    {
        var link = "<a class=\"govuk-footer__link\" href=\"/privacy\">Privacy</a>";
        if (role is null)
        {
            var anonymous = Factory.CreateBrowser();
            foreach (var url in new[] { "/account/sign-in", "/privacy", "/support", "/account/forgot-password" })
                Assert.Contains(link, await anonymous.GetPageAsync(url));
            return;
        }
        var person = await Factory.CreateUserAsync($"{role.ToLowerInvariant()}.person@riverside.example", await Factory.CreateOrganisationAsync(), role);
        var client = await Factory.SignedInAsync(person.Email!);
        foreach (var url in new[] { "/", "/account", "/my-learning", "/reflections", "/privacy" })
            Assert.Contains(link, await client.GetPageAsync(url));
    }
}

public sealed class PrivacyNoticeTestsOnSqlite(SqliteAppFactory factory) : PrivacyNoticeTests(factory), IClassFixture<SqliteAppFactory>
{
    protected override string ReflectionsPeriod => "1 year";
}

/// <summary>The site with reflective logs kept 18 months after an account closes.</summary>
public sealed class EighteenMonthsFactory : PostgresAppFactory
{
    public EighteenMonthsFactory() => WithSetting("Retention:ClosedAccountReflectionsMonths", "18");
}

public sealed class PrivacyNoticeTestsOnPostgres(EighteenMonthsFactory factory) : PrivacyNoticeTests(factory), IClassFixture<EighteenMonthsFactory>
{
    protected override string ReflectionsPeriod => "18 months";
}
