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
        CpdHoursAwarded = CpdHoursFor(TimeSpentSeconds, module.MinimumMinutes, module.CpdHours);
        CompletedAt = now;
    }

    // Submitting the check early is not refused, but it does not earn hours for reading the learner skipped.
    // Rounded down, so the hours never claim time that was not spent.
    public static decimal CpdHoursFor(int secondsSpent, int minimumMinutes, decimal moduleHours)
    {
        if (secondsSpent >= minimumMinutes * 60) return moduleHours;
        var quarterHours = Math.Max(secondsSpent, 0) / (15 * 60);
        return Math.Min(quarterHours * 0.25m, moduleHours);
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
    // Null only on completions recorded before time spent counted towards CPD hours: they earned the
    // module's hours as published.
    public decimal? CpdHoursAwarded { get; private set; }
    public DateTime CompletedAt { get; private set; }

    public Content.ModuleVersion Version => Content.ModuleVersion.Parse(ModuleVersion);

    public bool IsDueForRefresh(ContentModule module) => module.IsSupersededByMajorChange(Version);

    // Null when such a completion's module is no longer published, so its hours are not known.
    public decimal? CpdHours(ContentModule? module) => CpdHoursAwarded ?? module?.CpdHours;

    // Whether time short of the module's minimum cost this completion some of the module's hours.
    public bool EarnedLessThanFullHours(ContentModule module) =>
        CpdHoursAwarded < module.CpdHours && TimeSpentSeconds < module.MinimumMinutes * 60;
}
