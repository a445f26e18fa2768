using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Account;

public static class Overview
{
    public sealed record Model(
        string DisplayName, string Email, string JobRole, string? Agency, string? Team, string? Partnership,
        IReadOnlyList<string> Roles, IReadOnlyList<Supervision> SupervisedBy);

    public sealed record Supervision(string Name, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.DisplayName, u.Email, u.JobRole,
                    Agency = u.Agency!.Name, Team = u.Team!.Name, Partnership = u.Agency!.Partnership!.Name,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (user is null) return null;
            var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(n => n).ToListAsync(cancellationToken);
            var supervisors = await db.SupervisionRelationships.AsNoTracking()
                .Where(SupervisionRelationship.CurrentOn(today))
                .Where(s => s.SuperviseeId == userId)
                .OrderBy(s => s.Supervisor!.DisplayName)
                .Select(s => new Supervision(s.Supervisor!.DisplayName, s.StartsOn, s.EndsOn))
                .ToListAsync(cancellationToken);
            return new Model(user.DisplayName, user.Email!, user.JobRole.DisplayName(), user.Agency, user.Team, user.Partnership, roles, supervisors);
        }
    }
}
