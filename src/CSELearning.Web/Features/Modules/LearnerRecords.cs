using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

public enum LearningState
{
    NotStarted,
    InProgress,
    Completed,
    // Completed, but a major change has been published since.
    RefreshDue,
}

public static class LearningStateText
{
    public static string Text(this LearningState state) => state switch
    {
        LearningState.NotStarted => "Not started",
        LearningState.InProgress => "In progress",
        LearningState.Completed => "Completed",
        LearningState.RefreshDue => "Refresh due",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string TagClass(this LearningState state) => state switch
    {
        LearningState.NotStarted => "govuk-tag govuk-tag--grey",
        LearningState.InProgress => "govuk-tag govuk-tag--light-blue",
        LearningState.Completed => "govuk-tag govuk-tag--green",
        LearningState.RefreshDue => "govuk-tag govuk-tag--orange",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}

public sealed record ModuleStatus(LearningState State, ModuleProgress? Latest, ModuleCompletion? LatestCompletion)
{
    public static ModuleStatus Of(ContentModule module, ModuleProgress? latest, ModuleCompletion? latestCompletion)
    {
        var state = latest is not null && latest.CanContinueIn(module) ? LearningState.InProgress
            : latestCompletion is null ? LearningState.NotStarted
            : latestCompletion.IsDueForRefresh(module) ? LearningState.RefreshDue
            : LearningState.Completed;
        return new ModuleStatus(state, latest, latestCompletion);
    }

    // A progress the learner may carry on with: not completed, and not overtaken by a major change.
    public ModuleProgress? Active => State == LearningState.InProgress ? Latest : null;

    // The progress scenario choices and check attempts go into: the active one, or the completed one (a module may be
    // gone back over). None before starting, or when a major change means starting again.
    public ModuleProgress? Working => State switch
    {
        LearningState.InProgress => Latest,
        LearningState.Completed when Latest is { IsCompleted: true } => Latest,
        _ => null,
    };

    public bool HasOvertakenProgress(ContentModule module) => Latest is { } latest && latest.IsOvertakenBy(module);
}

// Runs: each time through a scenario to an ending, in this progress.
public sealed record SectionRecords(IReadOnlyDictionary<string, ScenarioPosition> Positions, IReadOnlyList<CheckAttempt> Attempts, IReadOnlyList<ScenarioRun> Runs)
{
    public bool EndingReached(Scenario scenario) => Positions.GetValueOrDefault(scenario.Id)?.EndingReachedAt is not null;

    // A time through whose first ending was good: going back from a poor ending to a good one does not make one.
    public bool GoodEndingReached(Scenario scenario) => Runs.Any(r => r.ScenarioId == scenario.Id && r.Outcome == EndingOutcome.Good);

    public bool Finished(ContentModule module, Scenario scenario) =>
        EndingReached(scenario) && (!module.RequiresGoodEnding || GoodEndingReached(scenario));

    public IReadOnlyList<CheckAttempt> AttemptsAt(KnowledgeCheck check) => Attempts.Where(a => a.CheckId == check.Id).OrderBy(a => a.Number).ToList();

    public CheckAttempt? Best(KnowledgeCheck check) =>
        AttemptsAt(check).OrderByDescending(a => a.CorrectCount * 100.0 / Math.Max(1, a.QuestionCount)).ThenBy(a => a.Number).FirstOrDefault();

    public bool Passed(KnowledgeCheck check) => AttemptsAt(check).Any(a => a.Passed);

    public IReadOnlyList<ModuleSection> Outstanding(ContentModule module) => module.Sections
        .Where(s => s switch
        {
            Scenario scenario => !Finished(module, scenario),
            KnowledgeCheck check => !Passed(check),
            _ => false,
        })
        .ToList();

    // Across the checks, the best attempt at each, as a whole percentage rounded down.
    public int Score(ContentModule module)
    {
        var best = module.SectionsOf<KnowledgeCheck>().Select(Best).OfType<CheckAttempt>().ToList();
        var questions = best.Sum(a => a.QuestionCount);
        return questions == 0 ? 0 : best.Sum(a => a.CorrectCount) * 100 / questions;
    }
}

// Reads and saves a learner's own records. Every query is by the signed-in person's id: there is no way
// to name another learner's progress.
[FeatureService]
public sealed class LearnerRecords(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    // From one query: what every teaching page needs, without the completion lookup a full status takes.
    public async Task<ModuleProgress?> ActiveAsync(Guid userId, ContentModule module, CancellationToken cancellationToken) =>
        await LatestAsync(userId, module, cancellationToken) is { } latest && latest.CanContinueIn(module) ? latest : null;

    private Task<ModuleProgress?> LatestAsync(Guid userId, ContentModule module, CancellationToken cancellationToken) =>
        db.ModuleProgress
            .Where(p => p.UserId == userId && p.ModuleId == module.Id)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ModuleStatus> StatusAsync(Guid userId, ContentModule module, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(userId, module, cancellationToken);
        var completion = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId && c.ModuleId == module.Id)
            .OrderByDescending(c => c.CompletedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return ModuleStatus.Of(module, latest, completion);
    }

    // Completions: Every completion the learner has, newest first, including modules no longer published.
    public sealed record Overview(IReadOnlyDictionary<string, ModuleStatus> Modules, IReadOnlyList<ModuleCompletion> Completions);

    public async Task<Overview> StatusesAsync(Guid userId, IEnumerable<ContentModule> modules, CancellationToken cancellationToken)
    {
        var progress = await db.ModuleProgress.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var completions = await db.ModuleCompletions.AsNoTracking().Where(c => c.UserId == userId)
            .OrderByDescending(c => c.CompletedAt).ToListAsync(cancellationToken);
        return new Overview(modules.ToDictionary(m => m.Id, m => ModuleStatus.Of(m,
            progress.Where(p => p.ModuleId == m.Id).MaxBy(p => p.Number),
            completions.FirstOrDefault(c => c.ModuleId == m.Id))), completions);
    }

    // How often an unchanged visit is written to the learner's progress: often enough for time spent, rarely
    // enough that reading a page is not a database write per request.
    private static readonly TimeSpan VisitInterval = TimeSpan.FromMinutes(1);

    // Notes that the learner is in sectionId, so "Continue" brings them back to it.
    public async Task NoteVisitAsync(ModuleProgress progress, string sectionId, CancellationToken cancellationToken)
    {
        if (progress.LastSectionId == sectionId && Now - progress.LastActivityAt < VisitInterval) return;
        progress.RecordActivity(Now, sectionId);
        await TrySaveAsync(cancellationToken);
    }

    public async Task<SectionRecords> SectionsAsync(ModuleProgress progress, CancellationToken cancellationToken)
    {
        var positions = await db.ScenarioPositions.Where(p => p.ProgressId == progress.Id).ToDictionaryAsync(p => p.ScenarioId, StringComparer.Ordinal, cancellationToken);
        var attempts = await db.CheckAttempts.AsNoTracking().Include(a => a.Answers).Where(a => a.ProgressId == progress.Id).ToListAsync(cancellationToken);
        var runs = await db.ScenarioRuns.AsNoTracking().Where(r => r.ProgressId == progress.Id).ToListAsync(cancellationToken);
        return new SectionRecords(positions, attempts, runs);
    }

    // Saves, or returns false when another request changed the same record first (a doubled or replayed
    // post): a stale revision, or a row another request inserted with the same key. Nothing is saved then.
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken) =>
        await db.SaveOrRefuseAsync(() => { }, cancellationToken, duplicateKeyIsConflict: true) is null;
}
