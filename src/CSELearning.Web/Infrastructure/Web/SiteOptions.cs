using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>Site-wide settings, bound from the "Site" section.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>The largest request body accepted: an upload at its limit plus the rest of its form.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + 64 * 1024;

    /// <summary>
    /// The address people reach the site at (https://learning.example.org), used for links in email.
    /// When empty, links use the address of the request that caused them.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Create demo accounts and organisations on an empty database (honoured only in Development).</summary>
    public bool SeedDemoData { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            yield return new ValidationResult("Site:PublicBaseUrl must be an absolute http or https address.", [nameof(PublicBaseUrl)]);
    }
}
