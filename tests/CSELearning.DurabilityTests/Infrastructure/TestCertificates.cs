using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CSELearning.DurabilityTests.Infrastructure;

/// <summary>
/// Throwaway certificates, made once per run: one protects the Data Protection key ring (required outside
/// Development), one lets Kestrel serve HTTPS on 127.0.0.1 (the site's cookies are Secure and __Host- prefixed,
/// so it cannot be used over plain HTTP).
/// </summary>
public static class TestCertificates
{
    public const string Password = "durability-test-certificate";

    private static readonly Lazy<string> Directory = new(() =>
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cselearning-durability", "certificates", Guid.NewGuid().ToString("N"))).FullName);

    private static readonly Lazy<string> KeyRing = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CSELearning durability test key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Write(request, "key-ring.pfx");
    });

    private static readonly Lazy<string> Server = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return Write(request, "server.pfx");
    });

    public static string KeyRingFile => KeyRing.Value;
    public static string ServerFile => Server.Value;

    /// <summary>The server certificate's thumbprint: the one certificate the test clients trust.</summary>
    public static string ServerThumbprint { get; } = X509CertificateLoader.LoadPkcs12FromFile(ServerFile, Password).Thumbprint;

    private static string Write(CertificateRequest request, string name)
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        var path = Path.Combine(Directory.Value, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
