using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

public class ModuleCompletionTests
{
    [Theory]
    [InlineData(11 * 60 - 1, 0)]     // a second short of an 11-minute minimum: the time spent, under a quarter hour
    [InlineData(11 * 60, 0.5)]       // at the minimum: the module's hours
    [InlineData(11 * 60 + 1, 0.5)]
    [InlineData(3 * 60 * 60, 0.5)]   // long after it: still the module's hours, never the time
    public void A_module_earns_its_cpd_hours_from_its_minimum_time(int seconds, decimal hours) =>
        Assert.Equal(hours, ModuleCompletion.CpdHoursFor(seconds, minimumMinutes: 11, moduleHours: 0.5m));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(14 * 60, 0)]
    [InlineData(15 * 60 - 1, 0)]
    [InlineData(15 * 60, 0.25)]
    [InlineData(50 * 60, 0.75)]
    [InlineData(60 * 60 - 1, 0.75)]
    [InlineData(60 * 60, 1)]         // the minimum
    public void Short_of_the_minimum_the_time_spent_is_rounded_down_to_the_quarter_hour(int seconds, decimal hours) =>
        Assert.Equal(hours, ModuleCompletion.CpdHoursFor(seconds, minimumMinutes: 60, moduleHours: 1m));

    [Theory]
    [InlineData(50 * 60, 0.5)]       // 0.75 by the clock, but no more than the module's hours
    [InlineData(20 * 60, 0.25)]
    public void Short_of_the_minimum_a_completion_never_earns_more_than_the_modules_hours(int seconds, decimal hours) =>
        Assert.Equal(hours, ModuleCompletion.CpdHoursFor(seconds, minimumMinutes: 60, moduleHours: 0.5m));
}
