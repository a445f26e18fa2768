using CSELearning.Web.Data;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Agencies;

public static class Edit
{
    public sealed class Input
    {
        [BindNever] public Guid Id { get; set; }
        [BindNever] public Guid PartnershipId { get; set; }
        [BindNever] public string PartnershipName { get; set; } = "";
        public string? Name { get; set; }
        public string? Sector { get; set; }
        public bool? IsActive { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        // The form filled from the agency, or as it was posted; null when there is no such agency.
        public async Task<Input?> FormAsync(Guid id, CancellationToken cancellationToken, Input? posted = null)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Id, a.PartnershipId, Partnership = a.Partnership!.Name, a.Name, a.Sector, a.IsActive })
                .SingleOrDefaultAsync(cancellationToken);
            if (agency is null) return null;
            var input = posted ?? new Input { Name = agency.Name, Sector = agency.Sector.ToString(), IsActive = agency.IsActive };
            input.Id = agency.Id;
            input.PartnershipId = agency.PartnershipId;
            input.PartnershipName = agency.Partnership;
            return input;
        }

        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
            if (agency is null) return Outcome.NotFound();

            var errors = new List<InputError>();
            var name = InputErrors.CheckName(input.Name, nameof(input.Name), errors);
            var sector = Create.CheckSector(input.Sector, nameof(input.Sector), errors);
            if (input.IsActive is null) errors.Add(new InputError(nameof(input.IsActive), "Choose whether the agency is active."));
            if (name is not null && await Create.NameTakenAsync(db, agency.PartnershipId, name, except: agency.Id, cancellationToken))
                errors.Add(new InputError(nameof(input.Name), Create.NameTakenMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            agency.Update(name!, sector!.Value, input.IsActive!.Value);
            await db.SaveChangesAsync(cancellationToken);
            // The caller goes back to the partnership's page.
            return Outcome.Saved(agency.PartnershipId);
        }
    }
}
