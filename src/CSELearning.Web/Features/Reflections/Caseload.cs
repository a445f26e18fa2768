using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

public static class Caseload
{
    public sealed record Model(int OverdueAfterDays, IReadOnlyList<Supervisee> Supervisees, IReadOnlyList<Awaiting> AwaitingReview,
        IReadOnlyList<Content.ContentModule> Modules, IReadOnlyDictionary<(Guid User, string Module), Modules.LearningState> Learning);

    public sealed record Supervisee(Guid Id, string Name, string? Team, int Awaiting, int SignedOff);

    public sealed record Awaiting(Guid LogId, string Title, string AuthorName, DateTime SharedAt, bool Overdue);

    public sealed class Handler(AppDbContext db, ITextProtector protector, TimeProvider clock, Content.ContentCatalog catalog,
        Microsoft.Extensions.Options.IOptions<Supervision.SupervisionOptions> options)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var supervisorId = principal.UserId();
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var supervisees = await db.SupervisionRelationships.AsNoTracking()
                .Where(SupervisionRelationship.CurrentOn(today))
                .Where(s => s.SupervisorId == supervisorId)
                .Join(db.Users, s => s.SuperviseeId, u => u.Id, (s, u) => new { u.Id, u.DisplayName, u.TeamId })
                .Distinct()
                .ToListAsync(cancellationToken);
            var ids = supervisees.Select(s => s.Id).ToList();
            var teams = await db.Teams.AsNoTracking().Where(t => supervisees.Select(s => s.TeamId).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            var counts = await db.ReflectiveLogs.AsNoTracking()
                .Where(l => ids.Contains(l.AuthorId) && (l.Status == LogStatus.Shared || l.Status == LogStatus.SignedOff))
                .GroupBy(l => new { l.AuthorId, l.Status })
                .Select(g => new { g.Key.AuthorId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var awaiting = await db.ReflectiveLogs.AsNoTracking()
                .Where(l => ids.Contains(l.AuthorId) && l.Status == LogStatus.Shared)
                .OrderBy(l => l.SharedAt)
                .ToListAsync(cancellationToken);
            var names = supervisees.ToDictionary(s => s.Id, s => s.DisplayName);
            var modules = catalog.Modules.OrderBy(m => m.Title).ToList();
            var learning = await Modules.LearningStates.OfAsync(db, ids, modules, cancellationToken);

            var overdueAfter = options.Value.ReviewOverdueAfter;
            return new Model(options.Value.ReviewOverdueAfterDays,
                supervisees.OrderBy(s => s.DisplayName).Select(s => new Supervisee(s.Id, s.DisplayName, s.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                    counts.Where(c => c.AuthorId == s.Id && c.Status == LogStatus.Shared).Sum(c => c.Count),
                    counts.Where(c => c.AuthorId == s.Id && c.Status == LogStatus.SignedOff).Sum(c => c.Count))).ToList(),
                awaiting.Select(l => new Awaiting(l.Id, l.Read(protector).Title, names[l.AuthorId], l.SharedAt!.Value, now - l.SharedAt.Value > overdueAfter)).ToList(),
                modules, learning);
        }
    }
}
