using CSELearning.Web.Data;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Partnerships;

public static class Edit
{
    public sealed class Input
    {
        [BindNever] public Guid Id { get; set; }
        public string? Name { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        public Task<Input?> FormAsync(Guid id, CancellationToken cancellationToken) =>
            db.Partnerships.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new Input { Id = p.Id, Name = p.Name })
                .SingleOrDefaultAsync(cancellationToken);

        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == input.Id, cancellationToken);
            if (partnership is null) return Outcome.NotFound();

            var errors = new List<InputError>();
            var name = InputErrors.CheckName(input.Name, nameof(input.Name), errors);
            if (name is not null && await Create.NameTakenAsync(db, name, except: partnership.Id, cancellationToken))
                errors.Add(new InputError(nameof(input.Name), Create.NameTakenMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            partnership.Rename(name!);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(partnership.Id);
        }
    }
}
