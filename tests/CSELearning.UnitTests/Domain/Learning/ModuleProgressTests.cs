using CSELearning.UnitTests.Content;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

public class ModuleProgressTests
{
    private static readonly DateTime Start = new(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);
    private readonly ContentModule _module = new SampleModule().LoadValid();

    [Fact]
    public void Time_spent_counts_each_gap_between_steps_up_to_fifteen_minutes()
    {
        var progress = new ModuleProgress(Guid.CreateVersion7(), _module, 1, Start);

        progress.RecordActivity(Start.AddMinutes(3), "page");
        progress.RecordActivity(Start.AddMinutes(3).AddSeconds(30));
        progress.RecordActivity(Start.AddDays(2)); // two days away: 15 minutes
        progress.RecordActivity(Start.AddDays(2).AddSeconds(-5)); // a clock behind the last step counts nothing

        Assert.Equal(3 * 60 + 30 + 15 * 60, progress.ActiveSeconds);
        Assert.Equal(Start.AddDays(2), progress.LastActivityAt);
        Assert.Equal("page", progress.LastSectionId);
    }

    [Fact]
    public void Completing_records_the_version_and_hash_being_served_and_cannot_happen_twice()
    {
        var progress = new ModuleProgress(Guid.CreateVersion7(), _module, 1, Start);

        var completion = progress.Complete(_module, 80, Start.AddMinutes(10));

        Assert.Equal((progress.Id, progress.UserId, "sample", "1.1.0", _module.ContentHash, 80, 600, Start.AddMinutes(10)),
            (completion.ProgressId, completion.UserId, completion.ModuleId, completion.ModuleVersion, completion.ContentHash, completion.ScorePercent, completion.TimeSpentSeconds, completion.CompletedAt));
        Assert.True(progress.IsCompleted);
        Assert.Throws<DomainException>(() => progress.Complete(_module, 90, Start.AddMinutes(11)));
    }

    [Theory]
    [InlineData(5, 0)]    // short of the sample's 6-minute minimum: 5 minutes, rounded down to the quarter hour
    [InlineData(6, 0.5)]  // the minimum: the module's hours
    public void Completing_awards_the_modules_cpd_hours_only_after_its_minimum_time(int minutes, decimal hours)
    {
        var progress = new ModuleProgress(Guid.CreateVersion7(), _module, 1, Start);

        var completion = progress.Complete(_module, 80, Start.AddMinutes(minutes));

        Assert.Equal((minutes * 60, hours), (completion.TimeSpentSeconds, completion.CpdHoursAwarded));
    }

    [Fact]
    public void Progress_started_before_a_major_change_is_overtaken_by_it_and_a_minor_change_does_not()
    {
        var minor = new SampleModule().LoadValid(); // 1.1.0 after a minor change; major at 1.0.0
        var started = new ModuleProgress(Guid.CreateVersion7(), Published("1.0.0", minor), 1, Start);
        Assert.False(started.IsOvertakenBy(minor));

        var major = new SampleModule()
            .Replace("module.md", "version: 1.1.0\nchanges:", "version: 2.0.0\nchanges:\n  - version: 2.0.0\n    change: major\n    summary: New teaching.")
            .LoadValid();
        Assert.True(started.IsOvertakenBy(major));

        started.Complete(minor, 100, Start.AddMinutes(5));
        Assert.False(started.IsOvertakenBy(major)); // completed: due for refresh instead
    }

    /// <summary>The module as it was at an earlier version, for a progress started then.</summary>
    private static ContentModule Published(string version, ContentModule module) => new()
    {
        Id = module.Id, Slug = module.Slug, Title = module.Title, Version = ModuleVersion.Parse(version), ContentHash = "sha256:earlier",
        Summary = module.Summary, Audience = module.Audience, EstimatedMinutes = module.EstimatedMinutes, CpdHours = module.CpdHours,
        MinimumMinutes = module.MinimumMinutes, LearningOutcomes = module.LearningOutcomes, ContentWarning = module.ContentWarning, Signposting = module.Signposting,
        PassMark = module.PassMark, ReviewDate = module.ReviewDate, References = module.References, Changes = module.Changes,
        Introduction = module.Introduction, Sections = module.Sections,
    };
}
