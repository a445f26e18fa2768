using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>Session and sign-in limits, bound from the "Security" section.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>A session with no activity for this long ends.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00", ErrorMessage = "Security:IdleTimeout must be between 00:01:00 and 08:00:00.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long before the idle timeout a signed-in page warns and offers to stay signed in (WCAG 2.2.1).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Security:TimeoutWarning must be between 00:00:10 and 01:00:00.")]
    public TimeSpan TimeoutWarning { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "Security:AbsoluteTimeout must be between 00:05:00 and 1.00:00:00.")]
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts allowed from one address in each window before HTTP 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Security:SignInAttemptsPerWindow must be between 1 and 10000.")]
    public int SignInAttemptsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Security:SignInWindow must be between 00:00:01 and 01:00:00.")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an account stays locked after five failed sign-ins in a row.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Security:LockoutDuration must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a signed-in session is checked against the account (deactivated, password changed).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Security:SessionValidationInterval must be at most 00:01:00.")]
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Honour X-Forwarded-For and X-Forwarded-Proto from a TLS-terminating reverse proxy.</summary>
    public bool TrustForwardedHeaders { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeoutWarning >= IdleTimeout)
            yield return new ValidationResult("Security:TimeoutWarning must be shorter than Security:IdleTimeout.", [nameof(TimeoutWarning)]);
    }
}

/// <summary>Fixed by policy (OWASP ASVS 5.0 level 2), not by configuration.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    public const int HashIterations = 210_000;
    public const int MaxFailedAttempts = 5;
}
