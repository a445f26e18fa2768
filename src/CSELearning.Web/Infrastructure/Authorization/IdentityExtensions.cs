using System.Globalization;
using System.Threading.RateLimiting;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Authorization;

public static class IdentityExtensions
{
    public const string SignInRateLimit = "sign-in";
    public const string AuthCookieName = "__Host-CSELearning";
    public const string AntiforgeryCookieName = "__Host-CSELearning-Antiforgery";
    public const string DevelopmentAntiforgeryCookieName = "CSELearning-Antiforgery";

    // Identity's other schemes: the site signs nobody in through them, but signing in and out clears their
    // cookies, and a cleared cookie is a Set-Cookie held to the same rules as the rest.
    private static readonly Dictionary<string, string> OtherIdentityCookies = new()
    {
        [IdentityConstants.ExternalScheme] = "__Host-CSELearning-External",
        [IdentityConstants.TwoFactorUserIdScheme] = "__Host-CSELearning-TwoFactorUserId",
        [IdentityConstants.TwoFactorRememberMeScheme] = "__Host-CSELearning-TwoFactorRememberMe",
    };

    public static IHostApplicationBuilder AddIdentityAndPolicies(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddIdentity<User, Role>(options =>
            {
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = PasswordPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<SessionRecords>();

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordPolicy.HashIterations);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = security.SessionValidationInterval;
            // A refreshed session keeps the id it was given at sign-in.
            o.OnRefreshingPrincipal = context =>
            {
                var sid = context.CurrentPrincipal?.FindFirst(AppSignInManager.SessionIdClaim);
                if (sid is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    identity.AddClaim(new System.Security.Claims.Claim(sid.Type, sid.Value));
                return Task.CompletedTask;
            };
        });

        foreach (var (scheme, name) in OtherIdentityCookies)
            services.Configure<CookieAuthenticationOptions>(scheme, options => HostOnlyStrict(options.Cookie, name));

        services.ConfigureApplicationCookie(options =>
        {
            HostOnlyStrict(options.Cookie, AuthCookieName);
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/error/403";
            options.ExpireTimeSpan = security.IdleTimeout;
            options.SlidingExpiration = true;
            // Every 403 passes here, from a policy or a handler's Forbid(): the one place to log them.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                RefusedRequestLog.AccessDenied(context.HttpContext);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // A form sent after the session ended: its typed text is kept for its author before they are sent to
            // sign in, and they come back to it afterwards (Features/KeptDrafts).
            options.Events.OnRedirectToLogin = async context =>
            {
                var redirectUri = context.RedirectUri;
                var keeper = context.HttpContext.RequestServices.GetRequiredService<Features.KeptDrafts.KeepTypedText.Handler>();
                if (await keeper.TryKeepAsync(context.HttpContext, context.Options))
                    redirectUri = context.Request.Scheme + "://" + context.Request.Host + context.Request.PathBase + context.Options.LoginPath
                        + QueryString.Create(context.Options.ReturnUrlParameter, Features.KeptDrafts.KeepTypedText.ReturnUrl);
                if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
                {
                    context.Response.Headers.Location = redirectUri;
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                    context.Response.Redirect(redirectUri);
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is null) return;
                var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                var started = context.Properties.Items.TryGetValue(AppSignInManager.SignedInAtItem, out var value)
                    && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                        ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                        : (DateTimeOffset?)null;
                // One read by key on every request: a session ended on the server (signed out, everywhere or by an
                // administrator) is refused at once, whatever copy of its cookie comes back.
                if (started is null || now - started.Value > limits.AbsoluteTimeout
                    || !await context.HttpContext.RequestServices.GetRequiredService<SessionRecords>().IsOpenAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                // Every request renews the cookie, so the idle timeout runs from the last request and the page's
                // timeout warning, timed from when it loaded, tells the truth.
                context.ShouldRenew = true;
            };
        });

        // Antiforgery refuses to issue a token over plain HTTP while its cookie must be Secure, and a __Host-
        // cookie must be Secure. So in Development only, where the site runs on http://localhost, this one
        // cookie loses its prefix and follows the request's scheme. The sign-in cookie stays strict: browsers
        // accept Secure cookies from localhost.
        var development = builder.Environment.IsDevelopment();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = development ? DevelopmentAntiforgeryCookieName : AntiforgeryCookieName;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.SuppressXFrameOptionsHeader = true; // frame-ancestors 'none' and X-Frame-Options: DENY are sent on every response
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, role) in Policies.RoleFor)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(role));
        authorization.AddPolicy(Policies.Reporting, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner, Roles.Administrator));
        authorization.AddPolicy(Policies.ItemAnalysis, p => p.RequireAuthenticatedUser().RequireRole(Roles.ContentReviewer, Roles.Administrator));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.SignInAttemptsPerWindow,
                        Window = limits.SignInWindow,
                        QueueLimit = 0,
                    });
            });
        });

        return builder;
    }

    private static void HostOnlyStrict(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.Path = "/";
        cookie.HttpOnly = true;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.SameSite = SameSiteMode.Strict;
    }
}
