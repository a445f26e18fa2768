using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Outside Development the site must name the host names it answers to. With "*" (ASP.NET Core's default when
/// AllowedHosts is missing) any Host header is believed, and the site writes it into the links and redirects it
/// builds, so a forged one sends people elsewhere. Named hosts turn any other Host header away with 400.
/// </summary>
public sealed class AllowedHostsCheck(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<HostFilteringOptions>
{
    public const string Setting = "AllowedHosts";

    public ValidateOptionsResult Validate(string? name, HostFilteringOptions options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Success;
        // A missing setting arrives here as "*", so the setting itself tells missing from written.
        var notSet = string.IsNullOrWhiteSpace(configuration[Setting]);
        if (notSet || options.AllowedHosts.Count == 0 || options.AllowedHosts.Any(h => h.Trim() == "*"))
            return ValidateOptionsResult.Fail($"{Setting} is {(notSet ? "not set" : "'*'")}: outside Development it must name the host names the site answers to, "
                + "so that a request for any other host is refused rather than having its Host header used in links and redirects. "
                + "Set it to the public host name (learning.example.org; several separated by ';'); see README.md.");
        return ValidateOptionsResult.Success;
    }
}
