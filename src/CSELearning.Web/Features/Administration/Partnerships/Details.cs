using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Partnerships;

// A partnership's agencies, each with its teams and how many active people work in each.
public static class Details
{
    public sealed record Model(Guid Id, string Name, DateTime CreatedAt, IReadOnlyList<AgencyRow> Agencies);

    public sealed record AgencyRow(Guid Id, string Name, string Sector, bool IsActive, int ActivePeople, IReadOnlyList<TeamRow> Teams);

    public sealed record TeamRow(Guid Id, string Name, bool IsActive, int ActivePeople);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new { p.Id, p.Name, p.CreatedAt })
                .SingleOrDefaultAsync(cancellationToken);
            if (partnership is null) return null;

            var agencies = await db.Agencies.AsNoTracking().Where(a => a.PartnershipId == id)
                .OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name, a.Sector, a.IsActive, People = db.Users.Count(u => u.AgencyId == a.Id && u.IsActive) })
                .ToListAsync(cancellationToken);
            var teams = await db.Teams.AsNoTracking().Where(t => t.Agency!.PartnershipId == id)
                .OrderBy(t => t.Name)
                .Select(t => new { t.AgencyId, Row = new TeamRow(t.Id, t.Name, t.IsActive, db.Users.Count(u => u.TeamId == t.Id && u.IsActive)) })
                .ToListAsync(cancellationToken);
            var teamsByAgency = teams.ToLookup(t => t.AgencyId, t => t.Row);

            return new Model(partnership.Id, partnership.Name, partnership.CreatedAt, agencies
                .Select(a => new AgencyRow(a.Id, a.Name, a.Sector.DisplayName(), a.IsActive, a.People, teamsByAgency[a.Id].ToList()))
                .ToList());
        }
    }
}
