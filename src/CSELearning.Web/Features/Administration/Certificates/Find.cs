using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Certificates;

// Finds a certificate by the number printed on it, however it was typed (case and spaces aside).
public static class Find
{
    public sealed record Model(string? Number);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Guid?> HandleAsync(string number, CancellationToken cancellationToken)
        {
            var wanted = number.Trim().ToUpperInvariant();
            return await db.Certificates.AsNoTracking().Where(c => c.Number == wanted).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
