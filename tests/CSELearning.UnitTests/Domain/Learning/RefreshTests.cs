using CSELearning.UnitTests.Content;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

public class RefreshTests
{
    private static readonly DateTime CompletedAt = new(2026, 1, 10, 15, 0, 0, DateTimeKind.Utc);

    private static ContentModule Every12Months => new SampleModule().Replace("module.md", "version: 1.1.0\nchanges:", "refresh_months: 12\nversion: 1.1.0\nchanges:").LoadValid();

    private static ModuleCompletion CompletionOf(ContentModule module) =>
        new ModuleProgress(Guid.CreateVersion7(), module, 1, CompletedAt.AddMinutes(-30)).Complete(module, 90, CompletedAt);

    [Theory]
    [InlineData("2026-12-10", null)]            // 31 days before the refresh date: nothing yet
    [InlineData("2026-12-11", RefreshState.DueSoon)]
    [InlineData("2027-01-10", RefreshState.DueSoon)] // the last day the certificate is valid
    [InlineData("2027-01-11", RefreshState.Overdue)]
    public void A_refresh_is_due_soon_within_30_days_of_the_end_of_the_refresh_period_and_overdue_after_it(string today, RefreshState? expected)
    {
        var module = Every12Months;

        var refresh = Refresh.Of(module, CompletionOf(module), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, refresh?.State);
        if (refresh is not null) Assert.Equal(new DateOnly(2027, 1, 10), refresh.DueOn);
    }

    [Fact]
    public void A_major_change_since_the_completion_makes_a_refresh_due_at_once_until_the_period_ends()
    {
        var completion = CompletionOf(Every12Months);
        var changed = new SampleModule()
            .Replace("module.md", "version: 1.1.0\nchanges:", "refresh_months: 12\nversion: 2.0.0\nchanges:\n  - version: 2.0.0\n    change: major\n    summary: New teaching.")
            .LoadValid();

        Assert.Equal(new Refresh(RefreshState.Due, new DateOnly(2027, 1, 10)), Refresh.Of(changed, completion, new DateOnly(2026, 2, 1)));
        Assert.Equal(RefreshState.Overdue, Refresh.Of(changed, completion, new DateOnly(2027, 2, 1))!.State);
    }

    [Fact]
    public void Without_a_refresh_period_or_a_major_change_nothing_is_ever_due()
    {
        var module = new SampleModule().LoadValid();

        Assert.Null(Refresh.Of(module, CompletionOf(module), new DateOnly(2040, 1, 1)));
        Assert.Null(Refresh.Of(module, null, new DateOnly(2026, 2, 1)));
    }
}
