using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Certificates;

// An administrator revokes a certificate, with a reason; the revocation is audited and cannot be undone.
public static class Revoke
{
    public sealed class Input
    {
        public string? Reason { get; set; }

        // "I understand revoking cannot be undone": nothing is revoked without it.
        public bool Confirm { get; set; }
    }

    public const string ConfirmMessage = "Confirm that you understand revoking cannot be undone";

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid id, Input input, ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (certificate is null) return Outcome.NotFound();
            if (certificate.IsRevoked) return Outcome.Refused(nameof(Input.Reason), "This certificate has already been revoked, so nothing was changed.");
            var reason = input.Reason?.Trim() ?? "";
            var errors = new List<InputError>();
            if (reason.Length == 0) errors.Add(new(nameof(Input.Reason), "Enter the reason for revoking the certificate."));
            else if (reason.Length > 500) errors.Add(new(nameof(Input.Reason), "The reason must be 500 characters or fewer."));
            if (!input.Confirm) errors.Add(new(nameof(Input.Confirm), ConfirmMessage));
            if (errors.Count > 0) return Outcome.Refused(errors);

            var now = time.GetUtcNow().UtcDateTime;
            var by = principal.UserId();
            if (InputErrors.RefusalOf(() => certificate.Revoke(by, reason, now)) is { } refusal) return Outcome.Refused(nameof(Input.Reason), refusal);
            // The reason stays on the certificate; the trail records who and when, never the text.
            db.AuditEntries.Add(new AuditEntry(AuditAction.CertificateRevoked, by, certificate.Id, certificate.UserId, now, certificate.Number));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(certificate.Id);
        }
    }
}
