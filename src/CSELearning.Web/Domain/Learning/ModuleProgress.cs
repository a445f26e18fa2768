using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

// After a major change to the module the learner starts another progress, a refresher; Number counts them.
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
    public int Number { get; private set; }
    public string StartedVersion { get; private set; } = "";
    public string StartedContentHash { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    public int ActiveSeconds { get; private set; }
    public string? LastSectionId { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public ModuleVersion StartedOn => ModuleVersion.Parse(StartedVersion);

    // Its scenario paths and answers may no longer fit a major change, so the learner starts again.
    public bool IsOvertakenBy(ContentModule module) => !IsCompleted && module.IsSupersededByMajorChange(StartedOn);

    public bool CanContinueIn(ContentModule module) => !IsCompleted && !IsOvertakenBy(module);

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
