using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Agencies;

public static class Create
{
    public sealed class Input
    {
        [BindNever] public Guid PartnershipId { get; set; }
        [BindNever] public string PartnershipName { get; set; } = "";
        public string? Name { get; set; }
        public string? Sector { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        // The form for a partnership, blank or as it was posted; null when there is no such partnership.
        public async Task<Input?> FormAsync(Guid partnershipId, CancellationToken cancellationToken, Input? posted = null)
        {
            var name = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null) return null;
            var input = posted ?? new Input();
            input.PartnershipId = partnershipId;
            input.PartnershipName = name;
            return input;
        }

        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            if (!await db.Partnerships.AnyAsync(p => p.Id == input.PartnershipId, cancellationToken)) return Outcome.NotFound();

            var errors = new List<InputError>();
            var name = InputErrors.CheckName(input.Name, nameof(input.Name), errors);
            var sector = CheckSector(input.Sector, nameof(input.Sector), errors);
            if (name is not null && await NameTakenAsync(db, input.PartnershipId, name, except: null, cancellationToken))
                errors.Add(new InputError(nameof(input.Name), NameTakenMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            var agency = new Agency(input.PartnershipId, name!, sector!.Value);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(agency.Id);
        }
    }

    public const string NameTakenMessage = "This partnership already has an agency with this name.";

    internal static AgencySector? CheckSector(string? sector, string field, List<InputError> errors)
    {
        if (EnumDisplay.TryParseDisplay<AgencySector>(sector, out var parsed)) return parsed;
        errors.Add(new InputError(field, "Choose the agency's sector."));
        return null;
    }

    // Agency names are unique within a partnership, ignoring case.
    internal static async Task<bool> NameTakenAsync(AppDbContext db, Guid partnershipId, string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.Agencies.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Id != except)
            .Select(a => a.Name).ToListAsync(cancellationToken);
        return names.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
