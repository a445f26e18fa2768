using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Supervision;

// Sets the last day of a supervision. The relationship is kept: later records are judged against its dates.
public static class End
{
    public sealed class Input
    {
        [BindNever] public Guid Id { get; set; }
        public string? EndsOn { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        // The outcome's id is always the supervisee's, whose page holds the form.
        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var relationship = await db.SupervisionRelationships.SingleOrDefaultAsync(s => s.Id == input.Id, cancellationToken);
            if (relationship is null) return Outcome.NotFound();

            // Each row of the supervisee's page has its own date field, named after the relationship.
            var field = FieldFor(relationship.Id);
            var errors = new List<InputError>();
            var endsOn = InputErrors.CheckDate(input.EndsOn, field, "last day of supervision", errors);
            if (endsOn is { } end)
            {
                try
                {
                    relationship.End(end);
                }
                catch (DomainException ex)
                {
                    errors.Add(new InputError(field, ex.Message));
                }
            }
            if (errors.Count > 0) return new Outcome(relationship.SuperviseeId, errors);

            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(relationship.SuperviseeId);
        }
    }

    public static string FieldFor(Guid relationshipId) => $"EndsOn_{relationshipId:N}";
}
