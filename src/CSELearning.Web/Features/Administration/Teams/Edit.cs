using CSELearning.Web.Data;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Teams;

public static class Edit
{
    public sealed class Input
    {
        [BindNever] public Guid Id { get; set; }
        [BindNever] public string AgencyName { get; set; } = "";
        [BindNever] public Guid PartnershipId { get; set; }
        public string? Name { get; set; }
        public bool? IsActive { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        // The form filled from the team, or as it was posted; null when there is no such team.
        public async Task<Input?> FormAsync(Guid id, CancellationToken cancellationToken, Input? posted = null)
        {
            var team = await db.Teams.AsNoTracking().Where(t => t.Id == id)
                .Select(t => new { t.Id, t.Name, t.IsActive, Agency = t.Agency!.Name, t.Agency.PartnershipId })
                .SingleOrDefaultAsync(cancellationToken);
            if (team is null) return null;
            var input = posted ?? new Input { Name = team.Name, IsActive = team.IsActive };
            input.Id = team.Id;
            input.AgencyName = team.Agency;
            input.PartnershipId = team.PartnershipId;
            return input;
        }

        // Saves the team; a saved outcome carries the partnership's id, whose page lists the team.
        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var team = await db.Teams.Include(t => t.Agency).SingleOrDefaultAsync(t => t.Id == input.Id, cancellationToken);
            if (team is null) return Outcome.NotFound();

            var errors = new List<InputError>();
            var name = InputErrors.CheckName(input.Name, nameof(input.Name), errors);
            if (input.IsActive is null) errors.Add(new InputError(nameof(input.IsActive), "Choose whether the team is active."));
            if (name is not null && await Create.NameTakenAsync(db, team.AgencyId, name, except: team.Id, cancellationToken))
                errors.Add(new InputError(nameof(input.Name), Create.NameTakenMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            team.Update(name!, input.IsActive!.Value);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(team.Agency!.PartnershipId);
        }
    }
}
