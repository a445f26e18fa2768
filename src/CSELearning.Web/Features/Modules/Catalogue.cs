using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

public static class Catalogue
{
    public sealed record Model(string JobRole, bool ShowingEveryModule, IReadOnlyList<Entry> Modules);

    public sealed record Entry(string Id, string Title, string Summary, int EstimatedMinutes, decimal CpdHours, string Version,
        IReadOnlyList<string> LearningOutcomes, LearningState State);

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, LearnerRecords records)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var jobRole = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.JobRole).SingleAsync(cancellationToken);

            var forRole = catalog.Modules.Where(m => m.Audience.Contains(jobRole)).ToList();
            // A job role no module is written for (a manager, a commissioner, "Other") sees every module rather than an empty
            // page: such people oversee or choose the training for the named roles. The page says so.
            var showingEveryModule = forRole.Count == 0;
            var modules = showingEveryModule ? catalog.Modules : forRole;
            var statuses = (await records.StatusesAsync(userId, modules, cancellationToken)).Modules;
            return new Model(jobRole.DisplayName(), showingEveryModule, modules
                .Select(m => new Entry(m.Id, m.Title, m.Summary, m.EstimatedMinutes, m.CpdHours, m.Version.ToString(),
                    m.LearningOutcomes, statuses[m.Id].State))
                .ToList());
        }
    }
}
