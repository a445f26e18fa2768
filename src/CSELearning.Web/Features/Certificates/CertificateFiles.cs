using CSELearning.Web.Documents;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Certificates;

[FeatureService]
public sealed class CertificateFiles(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    public static string FileName(string number) => $"certificate-{number}.pdf";

    public byte[] Render(Certificate certificate) => CertificateDocument.Render(certificate, VerificationUrl(certificate.VerificationCode));

    public string VerificationUrl(string code)
    {
        var root = site.Value.PublicBaseUrl?.TrimEnd('/');
        if (string.IsNullOrEmpty(root))
        {
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("A verification link needs a request or Site:PublicBaseUrl.");
            root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return $"{root}/verify/{code}";
    }
}
