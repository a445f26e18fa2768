using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Teams;

public static class Create
{
    public sealed class Input
    {
        [BindNever] public Guid AgencyId { get; set; }
        [BindNever] public string AgencyName { get; set; } = "";
        [BindNever] public Guid PartnershipId { get; set; }
        public string? Name { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        // The form for an agency, blank or as it was posted; null when there is no such agency.
        public async Task<Input?> FormAsync(Guid agencyId, CancellationToken cancellationToken, Input? posted = null)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
                .Select(a => new { a.Name, a.PartnershipId })
                .SingleOrDefaultAsync(cancellationToken);
            if (agency is null) return null;
            var input = posted ?? new Input();
            input.AgencyId = agencyId;
            input.AgencyName = agency.Name;
            input.PartnershipId = agency.PartnershipId;
            return input;
        }

        // Adds the team; a saved outcome carries the partnership's id, whose page lists the team.
        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var partnershipId = await db.Agencies.Where(a => a.Id == input.AgencyId).Select(a => (Guid?)a.PartnershipId).SingleOrDefaultAsync(cancellationToken);
            if (partnershipId is null) return Outcome.NotFound();

            var errors = new List<InputError>();
            var name = InputErrors.CheckName(input.Name, nameof(input.Name), errors);
            if (name is not null && await NameTakenAsync(db, input.AgencyId, name, except: null, cancellationToken))
                errors.Add(new InputError(nameof(input.Name), NameTakenMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            db.Teams.Add(new Team(input.AgencyId, name!));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(partnershipId.Value);
        }
    }

    public const string NameTakenMessage = "This agency already has a team with this name.";

    // Team names are unique within an agency, ignoring case.
    internal static async Task<bool> NameTakenAsync(AppDbContext db, Guid agencyId, string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.Teams.AsNoTracking()
            .Where(t => t.AgencyId == agencyId && t.Id != except)
            .Select(t => t.Name).ToListAsync(cancellationToken);
        return names.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
