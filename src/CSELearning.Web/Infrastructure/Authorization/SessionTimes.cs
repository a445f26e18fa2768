using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>
/// How long the signed-in session of this request has left: the idle timeout from now (each request renews the
/// cookie), or less when the absolute limit since sign-in comes first. The timeout warning is timed from it.
/// </summary>
public static class SessionTimes
{
    public static TimeSpan Left(HttpContext http)
    {
        var services = http.RequestServices;
        var limits = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var left = limits.IdleTimeout;
        var properties = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties;
        if (properties is not null && properties.Items.TryGetValue(AppSignInManager.SignedInAtItem, out var value)
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            var absoluteLeft = DateTimeOffset.FromUnixTimeSeconds(seconds) + limits.AbsoluteTimeout - now;
            if (absoluteLeft < left) left = absoluteLeft < TimeSpan.Zero ? TimeSpan.Zero : absoluteLeft;
        }
        return left;
    }

    public static TimeSpan Idle(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.IdleTimeout;

    public static TimeSpan Warning(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.TimeoutWarning;
}
