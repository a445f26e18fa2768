using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Modules;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Learning;

// For an administrator: the named people of an agency in a module's audience and where each stands with it,
// those who have not completed first ("who in this agency has not completed?"). Commissioners never see this.
public static class AgencyLearning
{
    public sealed record Person(Guid Id, string Name, string JobRole, string? Team, LearningState State);

    public sealed record Model(Guid AgencyId, string Agency, Guid PartnershipId, string Partnership, IReadOnlyList<ContentModule> Modules,
        ContentModule Module, IReadOnlyList<Person> People)
    {
        public int NotCompleted => People.Count(p => p.State is not LearningState.Completed);
    }

    public sealed class Handler(AppDbContext db, ContentCatalog catalog)
    {
        // The list, or null for an unknown agency or module.
        public async Task<Model?> HandleAsync(Guid agencyId, string? moduleId, CancellationToken ct)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
                .Select(a => new { a.Id, a.Name, a.PartnershipId, Partnership = db.Partnerships.Where(p => p.Id == a.PartnershipId).Select(p => p.Name).Single() })
                .SingleOrDefaultAsync(ct);
            var modules = catalog.Modules.OrderBy(m => m.Title).ToList();
            var module = string.IsNullOrEmpty(moduleId) ? modules.FirstOrDefault() : catalog.Find(moduleId);
            if (agency is null || module is null) return null;

            var learnerRole = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
            var audience = module.Audience.ToList();
            var people = await db.Users.AsNoTracking()
                .Where(u => u.AgencyId == agencyId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && learnerRole.Contains(ur.RoleId)))
                .Where(u => audience.Count == 0 || audience.Contains(u.JobRole))
                .Select(u => new { u.Id, u.DisplayName, u.JobRole, Team = u.Team!.Name })
                .ToListAsync(ct);
            var states = await LearningStates.OfAsync(db, people.Select(p => p.Id).ToList(), [module], ct);

            var rows = people
                .Select(p => new Person(p.Id, p.DisplayName, p.JobRole.DisplayName(), p.Team, states[(p.Id, module.Id)]))
                .OrderBy(p => p.State == LearningState.Completed)
                .ThenBy(p => p.Name, StringComparer.CurrentCulture)
                .ToList();
            return new Model(agency.Id, agency.Name, agency.PartnershipId, agency.Partnership, modules, module, rows);
        }
    }
}
