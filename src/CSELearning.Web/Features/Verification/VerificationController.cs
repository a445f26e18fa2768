using CSELearning.Web.Data;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Verification;

// Public certificate verification: anyone with the link (an employer, a regulator) can check a certificate
// without signing in. It shows only the learner's name, the module and the dates. Every code that does not
// name a certificate, whatever the reason (malformed, unknown), gets the same page, so the page reveals
// nothing about which codes exist; codes are random and too long to guess.
[AllowAnonymous]
public sealed class VerificationController : Controller
{
    public sealed record Model(Certificate? Certificate, CertificateStatus Status = CertificateStatus.Valid);

    [HttpGet("/verify/{code}")]
    public async Task<IActionResult> Verify(string code, [FromServices] AppDbContext db, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var certificate = Certificate.IsWellFormed(code)
            ? await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.VerificationCode == code, cancellationToken)
            : null;
        if (certificate is null) return View("Verify", new Model(null)).WithStatus(StatusCodes.Status404NotFound);
        return View("Verify", new Model(certificate, certificate.StatusOn(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))));
    }
}
