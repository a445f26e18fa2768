using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Features.Modules;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.MyLearning;

public static class Index
{
    public sealed record Model(IReadOnlyList<InProgress> InProgress, IReadOnlyList<RefreshDue> RefreshesDue, IReadOnlyList<Completed> Completions,
        IReadOnlyList<CertificateRow> Certificates)
    {
        public bool IsEmpty => InProgress.Count == 0 && RefreshesDue.Count == 0 && Completions.Count == 0;
    }

    public sealed record InProgress(string ModuleId, string Title, DateTime StartedAt, DateTime LastActivityAt, string ContinueUrl, bool IsRefresher);

    public sealed record RefreshDue(string ModuleId, string Title, string CompletedVersion, DateTime CompletedAt, string CurrentVersion, IReadOnlyList<VersionChange> Changes);

    // Scenarios: how the times through the module's scenarios went in the progress this completes.
    public sealed record Completed(string ModuleId, string Title, string Version, DateTime CompletedAt, int ScorePercent, int TimeSpentSeconds, decimal? CpdHours, bool IsCurrent,
        IReadOnlyList<ScenarioResults.Result> Scenarios);

    public sealed record CertificateRow(string Number, string ModuleTitle, string ModuleVersion, DateOnly CompletedOn, DateOnly? ValidUntil, CertificateStatus Status)
    {
        public string DownloadUrl => $"/my-learning/certificates/{Uri.EscapeDataString(Number)}.pdf";
    }

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records, AppDbContext db, TimeProvider time)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var (statuses, completions) = await records.StatusesAsync(userId, catalog.Modules, cancellationToken);

            var inProgress = new List<InProgress>();
            var refreshes = new List<RefreshDue>();
            foreach (var module in catalog.Modules)
            {
                var status = statuses[module.Id];
                if (status.Active is { } active)
                    inProgress.Add(new InProgress(module.Id, module.Title, active.StartedAt, active.LastActivityAt,
                        ModuleSections.ContinueUrl(module, active), IsRefresher: status.LatestCompletion is not null));
                if (status.State == LearningState.RefreshDue)
                {
                    var completed = status.LatestCompletion!;
                    refreshes.Add(new RefreshDue(module.Id, module.Title, completed.ModuleVersion, completed.CompletedAt, module.Version.ToString(),
                        module.Changes.Where(c => c.Kind == ChangeKind.Major && c.Version > completed.Version).ToList()));
                }
            }

            // Every certificate ever issued, including those a refresh has superseded: the history is kept.
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var certificates = (await db.Certificates.AsNoTracking().Where(c => c.UserId == userId)
                    .OrderByDescending(c => c.IssuedAt)
                    .Select(c => new { c.Number, c.ModuleTitle, c.ModuleVersion, c.CompletedOn, c.ValidUntil, c.RevokedAt })
                    .ToListAsync(cancellationToken))
                .Select(c => new CertificateRow(c.Number, c.ModuleTitle, c.ModuleVersion, c.CompletedOn, c.ValidUntil, Certificate.StatusOf(c.RevokedAt, c.ValidUntil, today)))
                .ToList();

            var runs = (await db.ScenarioRuns.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(cancellationToken)).ToLookup(r => r.ProgressId);

            return new Model(
                inProgress.OrderByDescending(p => p.LastActivityAt).ToList(),
                refreshes,
                completions.Select(c =>
                {
                    var module = catalog.Find(c.ModuleId);
                    var status = module is null ? null : statuses[module.Id];
                    return new Completed(c.ModuleId, module?.Title ?? c.ModuleId, c.ModuleVersion, c.CompletedAt, c.ScorePercent, c.TimeSpentSeconds,
                        c.CpdHours(module), IsCurrent: status is { State: LearningState.Completed } && status.LatestCompletion?.Id == c.Id,
                        ScenarioResults.Of(module, runs[c.ProgressId]));
                }).ToList(),
                certificates);
        }
    }
}
