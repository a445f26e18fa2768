using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Certificates;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.MyLearning;

// Someone else's number is not found, like one that does not exist; a revoked one has no PDF to pass off as valid.
public static class DownloadCertificate
{
    public abstract record Result;
    public sealed record NotFound : Result;
    public sealed record Revoked(string Number) : Result;
    public sealed record Pdf(byte[] Bytes, string FileName) : Result;

    public sealed class Handler(AppDbContext db, CertificateFiles files)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal principal, string number, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var certificate = await db.Certificates.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Number == number && c.UserId == userId, cancellationToken);
            if (certificate is null) return new NotFound();
            if (certificate.IsRevoked) return new Revoked(certificate.Number);
            return new Pdf(files.Render(certificate), CertificateFiles.FileName(certificate.Number));
        }
    }
}
