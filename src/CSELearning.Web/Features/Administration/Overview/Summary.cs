using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Overview;

// The administration landing page: how much the platform holds, and where to manage it.
public static class Summary
{
    public sealed record Model(int Partnerships, int ActiveAgencies, int ActiveTeams, int ActivePeople, int DeactivatedPeople);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken) => new(
            await db.Partnerships.CountAsync(cancellationToken),
            await db.Agencies.CountAsync(a => a.IsActive, cancellationToken),
            await db.Teams.CountAsync(t => t.IsActive, cancellationToken),
            await db.Users.CountAsync(u => u.IsActive, cancellationToken),
            await db.Users.CountAsync(u => !u.IsActive, cancellationToken));
    }
}
