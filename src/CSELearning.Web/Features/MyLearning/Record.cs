using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Documents;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.MyLearning;

// It takes no user id, so nobody can export anyone else's. Reflective text (which may describe children) is
// included only when the learner asks.
public static class Record
{
    public sealed class Handler(AppDbContext db, ContentCatalog catalog, Reflections.Export.Handler reflections, TimeProvider clock)
    {
        public async Task<byte[]> HandleAsync(ClaimsPrincipal principal, bool includeReflections, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var completions = await db.ModuleCompletions.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CompletedAt).ToListAsync(cancellationToken);
            var logs = (await reflections.LogsAsync(userId, cancellationToken)).Where(l => l.ModuleId is not null).ToList();

            var activities = completions.Select(completion =>
            {
                var module = catalog.Find(completion.ModuleId);
                var latest = completions.Last(c => c.ModuleId == completion.ModuleId);
                // A log belongs with the completion of the version it was written on; one written on a version the
                // learner never completed (they started a refresher) goes with their latest completion.
                var linked = logs.Where(l => l.ModuleId == completion.ModuleId
                    && (l.ModuleVersion == completion.ModuleVersion
                        || (completion == latest && completions.All(c => c.ModuleId != l.ModuleId || c.ModuleVersion != l.ModuleVersion))))
                    .ToList();
                return new LearningRecordDocument.Activity(module?.Title ?? completion.ModuleId, completion.ModuleVersion, completion.CompletedAt,
                    completion.CpdHours(module), completion.TimeSpentSeconds, completion.ScorePercent, module?.LearningOutcomes ?? [], linked);
            }).ToList();

            return new LearningRecordDocument(new LearningRecordDocument.Model(name, activities, includeReflections, clock.GetUtcNow().UtcDateTime)).Render();
        }
    }
}
