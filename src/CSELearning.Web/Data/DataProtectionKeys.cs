using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Data;

// Kept in the database so that every web server shares the keys.
public class DataProtectionKey
{
    private DataProtectionKey() { Xml = ""; }

    public DataProtectionKey(string? friendlyName, string xml)
    {
        Id = Guid.CreateVersion7();
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public Guid Id { get; private set; }
    public string? FriendlyName { get; private set; }
    public string Xml { get; private set; }
}

public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
        builder.Property(k => k.Xml).IsRequired();
    }
}

public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}

// The keys sit in the same database as the text they encrypt: without a certificate kept outside it, a
// copy of the database would carry its own keys.
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    // A PKCS #12 (.pfx) file with the certificate and its private key. Required outside Development.
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    internal X509Certificate2 LoadCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
}

public sealed class KeyProtectionOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("DataProtection:CertificatePath is not set: outside Development the keys that encrypt reflective text must be protected by a certificate. Set it to a .pfx file (and DataProtection:CertificatePassword to its password); see README.md.");
        }
        if (!File.Exists(options.CertificatePath))
            return ValidateOptionsResult.Fail($"DataProtection:CertificatePath is '{options.CertificatePath}', which does not exist.");
        try
        {
            using var certificate = options.LoadCertificate();
            if (!certificate.HasPrivateKey)
                return ValidateOptionsResult.Fail($"DataProtection:CertificatePath '{options.CertificatePath}' has no private key: the key ring could be protected but never read back.");
            if (certificate.GetRSAPrivateKey() is null)
                return ValidateOptionsResult.Fail($"DataProtection:CertificatePath '{options.CertificatePath}' must hold an RSA key.");
        }
        catch (CryptographicException ex)
        {
            return ValidateOptionsResult.Fail($"DataProtection:CertificatePath '{options.CertificatePath}' could not be read ({ex.Message}): check the file and DataProtection:CertificatePassword.");
        }
        return ValidateOptionsResult.Success;
    }
}

public static class DataProtectionExtensions
{
    public static IHostApplicationBuilder AddDatabaseDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("CSELearning");
        builder.Services.AddSingleton<Domain.Reflections.ITextProtector, DataProtectionTextProtector>();
        builder.Services.AddSingleton<DatabaseXmlRepository>();
        builder.Services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionOptionsValidator>();
        builder.Services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<KeyRingCertificate>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository, KeyRingCertificate>((options, repository, certificate) =>
            {
                options.XmlRepository = repository;
                // In Development without a certificate the keys are stored as they are (ASP.NET Core logs a
                // warning); everywhere else the validator has made sure there is one.
                if (certificate.IsConfigured) options.XmlEncryptor = new CertificateKeyEncryptor(certificate);
            });
        return builder;
    }
}
