using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Audit;

// The audit trail, newest first, a page at a time: who did what to whose log or record, never its text.
public static class Index
{
    public const int PageSize = 50;

    public sealed record Model(IReadOnlyList<Row> Rows, int Page, bool HasNext);

    public sealed record Row(DateTime At, string Actor, AuditAction Action, string Owner, Guid SubjectId, string? Detail);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(int page, CancellationToken cancellationToken)
        {
            page = Math.Max(page, 1);
            var entries = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            var people = entries.SelectMany(e => new[] { e.ActorId, e.OwnerId }).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            return new Model(entries.Take(PageSize)
                .Select(e => new Row(e.At, names.GetValueOrDefault(e.ActorId, "(no longer held)"), e.Action, names.GetValueOrDefault(e.OwnerId, "(no longer held)"), e.SubjectId, e.Detail))
                .ToList(), page, entries.Count > PageSize);
        }
    }
}
