using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway certificate (a .pfx file) that protects the Data Protection key ring, as
/// DataProtection:CertificatePath requires outside Development. Made once per test run.
/// </summary>
public static class TestKeyCertificate
{
    public const string Password = "test-key-ring-certificate";

    private static readonly Lazy<string> Created = new(Create);

    public static string Path => Created.Value;

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CSELearning test key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cselearning-keys")).FullName;
        var path = System.IO.Path.Combine(directory, $"key-ring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
