using CSELearning.Web.Content;
using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

// Where several people stand with several modules, for those allowed to see named people's learning: a
// person's current supervisor (their caseload) and administrators. Commissioners never get this: their reports
// count people. Two queries, whatever the number of people and modules.
public static class LearningStates
{
    public static async Task<IReadOnlyDictionary<(Guid User, string Module), LearningState>> OfAsync(
        AppDbContext db, IReadOnlyCollection<Guid> userIds, IReadOnlyList<ContentModule> modules, CancellationToken cancellationToken)
    {
        var moduleIds = modules.Select(m => m.Id).ToList();
        var progress = await db.ModuleProgress.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && moduleIds.Contains(p.ModuleId)).ToListAsync(cancellationToken);
        var completions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && moduleIds.Contains(c.ModuleId)).ToListAsync(cancellationToken);
        var latestProgress = progress.GroupBy(p => (p.UserId, p.ModuleId)).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Number));
        var latestCompletion = completions.GroupBy(c => (c.UserId, c.ModuleId)).ToDictionary(g => g.Key, g => g.MaxBy(c => c.CompletedAt));

        var states = new Dictionary<(Guid, string), LearningState>();
        foreach (var user in userIds)
            foreach (var module in modules)
                states[(user, module.Id)] = ModuleStatus.Of(module,
                    latestProgress.GetValueOrDefault((user, module.Id)),
                    latestCompletion.GetValueOrDefault((user, module.Id))).State;
        return states;
    }
}
