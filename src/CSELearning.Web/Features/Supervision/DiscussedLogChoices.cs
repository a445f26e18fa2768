using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

// Which logs a record may name as discussed: the supervisee's own, and only those their supervisor may read.
internal static class DiscussedLogChoices
{
    public static async Task<string?> ProblemAsync(AppDbContext db, Guid superviseeId, IReadOnlyCollection<Guid> logIds, CancellationToken cancellationToken)
    {
        if (logIds.Count == 0) return null;
        var ids = logIds.Distinct().ToList();
        var allowed = await db.ReflectiveLogs.CountAsync(l => ids.Contains(l.Id) && l.AuthorId == superviseeId && l.Status != LogStatus.Draft, cancellationToken);
        return allowed == ids.Count ? null : "Choose the logs discussed from the list";
    }
}
