using CSELearning.Web.Data;
using CSELearning.Web.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Certificates;

// One certificate as issued, its status today, who revoked it and why, and the form to revoke it.
public static class Details
{
    public sealed record Model(Certificate Certificate, CertificateStatus Status, string? RevokedBy, string? Reason);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        // reason: The reason typed into the form, when it comes back with errors.
        public async Task<Model?> HandleAsync(Guid id, string? reason, CancellationToken cancellationToken)
        {
            var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (certificate is null) return null;
            var revokedBy = certificate.RevokedById is { } by
                ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "(no longer held)"
                : null;
            return new Model(certificate, certificate.StatusOn(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), revokedBy, reason);
        }
    }
}
