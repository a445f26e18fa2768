using CSELearning.Web.Data;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Verification;

// Public, so an employer or regulator can check a certificate without signing in. Every code that names no
// certificate gets the same page, so the page reveals nothing about which codes exist.
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
