using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// A throwaway certificate for the test server. The site only works over HTTPS: its cookies are Secure and
/// __Host- prefixed, and antiforgery refuses to issue tokens on a plain HTTP request.
/// </summary>
internal static class TestCertificate
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    public const string KeyRingPassword = "test-key-ring-certificate";

    private static readonly Lazy<string> KeyRing = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CSELearning test key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cselearning-keys")).FullName;
        var path = Path.Combine(directory, $"e2e-key-ring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, KeyRingPassword));
        return path;
    });

    /// <summary>A .pfx file protecting the Data Protection key ring, as DataProtection:CertificatePath requires outside Development.</summary>
    public static string KeyRingFile => KeyRing.Value;

    public static X509Certificate2 CreateForLoopback()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-tripped through PKCS#12 so that the private key is one SslStream can use on any platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
