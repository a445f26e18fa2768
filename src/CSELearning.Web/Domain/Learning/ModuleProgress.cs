using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

// One learner's way through one module, from pressing Start to a recorded completion. A learner has a
// first, and after a major change to the module a second (a refresher), and so on: Number.
// Scenario positions, choices and knowledge-check attempts all belong to one progress.
public class ModuleProgress
{
    // A gap between two recorded steps longer than this counts as this long towards time spent, so a tab
    // left open overnight, or a module picked up again next week, does not count the time away.
    public static readonly TimeSpan LongestCountedGap = TimeSpan.FromMinutes(15);

    private ModuleProgress() { }

    public ModuleProgress(Guid userId, ContentModule module, int number, DateTime now)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), "Progress is numbered from 1.");
        Id = Guid.CreateVersion7();
        UserId = userId;
        ModuleId = module.Id;
        Number = number;
        StartedVersion = module.Version.ToString();
        StartedContentHash = module.ContentHash;
        StartedAt = now;
        LastActivityAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string ModuleId { get; private set; } = "";
    // 1 for the learner's first time through this module, 2 for the next (a refresher), and so on.
    public int Number { get; private set; }
    public string StartedVersion { get; private set; } = "";
    public string StartedContentHash { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    // Time spent so far: the gaps between recorded steps, each counted up to LongestCountedGap.
    public int ActiveSeconds { get; private set; }
    // The section the learner was last in: where "Continue" takes them.
    public string? LastSectionId { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public ModuleVersion StartedOn => ModuleVersion.Parse(StartedVersion);

    // Whether this progress, not yet completed, was started on a version a major change has since replaced:
    // its scenario paths and answers may no longer fit, so the learner starts again.
    public bool IsOvertakenBy(ContentModule module) => !IsCompleted && module.IsSupersededByMajorChange(StartedOn);

    // Whether the learner carries on with this progress: not completed, and not overtaken by a major change.
    public bool CanContinueIn(ContentModule module) => !IsCompleted && !IsOvertakenBy(module);

    // Counts the time since the last recorded step and notes where the learner is.
    public void RecordActivity(DateTime now, string? sectionId = null)
    {
        var gap = now - LastActivityAt;
        if (gap > TimeSpan.Zero)
        {
            ActiveSeconds += (int)Math.Min(gap.TotalSeconds, LongestCountedGap.TotalSeconds);
            LastActivityAt = now;
        }
        if (sectionId is not null) LastSectionId = sectionId;
    }

    // Records the completion of the version being served now, which is what the learner finished.
    public ModuleCompletion Complete(ContentModule module, int scorePercent, DateTime now)
    {
        if (module.Id != ModuleId) throw new ArgumentException("The module is not the one this progress is through.", nameof(module));
        if (IsCompleted) throw new DomainException("This module's completion has already been recorded.");
        RecordActivity(now);
        CompletedAt = now;
        return new ModuleCompletion(this, module, scorePercent, now);
    }
}
