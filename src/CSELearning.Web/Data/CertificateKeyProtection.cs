using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Data;

public sealed class KeyRingCertificate(IOptions<KeyProtectionOptions> options) : IDisposable
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => options.Value.LoadCertificate());

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.CertificatePath);

    public X509Certificate2 Certificate => _certificate.Value;

    public void Dispose()
    {
        if (_certificate.IsValueCreated) _certificate.Value.Dispose();
    }
}

// Only a holder of the certificate's private key can read the key ring back, so a copy of the database
// alone reveals nothing. ASP.NET Core's own certificate encryptor cannot read the certificate from
// configuration when the key ring is first used; this pair can.
public sealed class CertificateKeyEncryptor(KeyRingCertificate certificate) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(contentKey, tag.Length)) aes.Encrypt(nonce, plaintext, ciphertext, tag);

        using var rsa = certificate.Certificate.GetRSAPublicKey() ?? throw new InvalidOperationException("The key ring certificate has no RSA key.");
        var wrappedKey = rsa.Encrypt(contentKey, RSAEncryptionPadding.OaepSHA256);
        CryptographicOperations.ZeroMemory(contentKey);

        var element = new XElement("certificateEncryptedKey",
            new XAttribute("thumbprint", certificate.Certificate.Thumbprint),
            new XElement("wrappedKey", Convert.ToBase64String(wrappedKey)),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("ciphertext", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(CertificateKeyDecryptor));
    }
}

public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>();
        if (!certificate.IsConfigured)
            throw new CryptographicException("The key ring is protected by a certificate, but DataProtection:CertificatePath is not set.");
        var thumbprint = (string?)encryptedElement.Attribute("thumbprint");
        if (!string.Equals(thumbprint, certificate.Certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
            throw new CryptographicException($"The key ring was protected by the certificate {thumbprint}, not the one configured ({certificate.Certificate.Thumbprint}).");

        byte[] Read(string name) => Convert.FromBase64String((string?)encryptedElement.Element(name) ?? throw new CryptographicException($"The protected key has no {name}."));
        using var rsa = certificate.Certificate.GetRSAPrivateKey() ?? throw new CryptographicException("The key ring certificate has no RSA private key.");
        var contentKey = rsa.Decrypt(Read("wrappedKey"), RSAEncryptionPadding.OaepSHA256);
        var ciphertext = Read("ciphertext");
        var tag = Read("tag");
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(contentKey, tag.Length)) aes.Decrypt(Read("nonce"), ciphertext, tag, plaintext);
        CryptographicOperations.ZeroMemory(contentKey);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}
