using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Partnerships;

// Every partnership, with how many agencies and active people each has.
public static class Index
{
    public sealed record Model(IReadOnlyList<Row> Partnerships);

    public sealed record Row(Guid Id, string Name, int Agencies, int ActivePeople);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken)
        {
            var rows = await db.Partnerships.AsNoTracking()
                .OrderBy(p => p.Name)
                .Select(p => new Row(p.Id, p.Name, p.Agencies.Count(), db.Users.Count(u => u.IsActive && u.Agency!.PartnershipId == p.Id)))
                .ToListAsync(cancellationToken);
            return new Model(rows);
        }
    }
}
