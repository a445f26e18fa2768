using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

public static class Index
{
    public sealed record Model(IReadOnlyList<Entry> Logs, bool HasSupervisor);

    public sealed record Entry(Guid Id, string Title, LogStatus Status, DateTime UpdatedAt, string? ModuleId);

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var logs = await db.ReflectiveLogs.AsNoTracking().Where(l => l.AuthorId == userId).OrderByDescending(l => l.UpdatedAt).ToListAsync(cancellationToken);
            return new Model(
                logs.Select(l => new Entry(l.Id, l.Read(protector).Title, l.Status, l.UpdatedAt, l.ModuleId)).ToList(),
                (await access.SupervisorsOfAsync(userId, cancellationToken)).Count > 0);
        }
    }
}
