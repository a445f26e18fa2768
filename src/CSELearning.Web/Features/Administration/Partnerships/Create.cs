using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Partnerships;

public static class Create
{
    public sealed class Input
    {
        public string? Name { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var errors = new List<InputError>();
            var name = InputErrors.CheckName(input.Name, nameof(input.Name), errors);
            if (name is not null && await NameTakenAsync(db, name, except: null, cancellationToken))
                errors.Add(new InputError(nameof(input.Name), NameTakenMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            var partnership = new Partnership(name!, time.GetUtcNow().UtcDateTime);
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(partnership.Id);
        }
    }

    public const string NameTakenMessage = "A partnership with this name already exists.";

    // Names are compared ignoring case: two partnerships that differ only in capitals would confuse everyone.
    internal static async Task<bool> NameTakenAsync(AppDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.Partnerships.AsNoTracking().Where(p => p.Id != except).Select(p => p.Name).ToListAsync(cancellationToken);
        return names.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
