using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

// One per ModuleProgress, enforced by a unique index, so a replayed form cannot record a second.
public class ModuleCompletion
{
    private ModuleCompletion() { }

    internal ModuleCompletion(ModuleProgress progress, ContentModule module, int scorePercent, DateTime now)
    {
        if (scorePercent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(scorePercent));
        Id = Guid.CreateVersion7();
        ProgressId = progress.Id;
        UserId = progress.UserId;
        ModuleId = module.Id;
        ModuleVersion = module.Version.ToString();
        ContentHash = module.ContentHash;
        ScorePercent = scorePercent;
        TimeSpentSeconds = progress.ActiveSeconds;
        CompletedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProgressId { get; private set; }
    public Guid UserId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    // The knowledge-check score the learner passed with: the best attempt at each check, as a percentage.
    public int ScorePercent { get; private set; }
    public int TimeSpentSeconds { get; private set; }
    public DateTime CompletedAt { get; private set; }

    public Content.ModuleVersion Version => Content.ModuleVersion.Parse(ModuleVersion);

    public bool IsDueForRefresh(ContentModule module) => module.IsSupersededByMajorChange(Version);
}
