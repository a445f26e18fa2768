using CSELearning.Web.Data;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Web;

public static class WebExtensions
{
    public const string TempDataCookieName = "__Host-CSELearning-TempData";
    public const string DevelopmentTempDataCookieName = "CSELearning-TempData";

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Features.Supervision.SupervisionOptions>().BindConfiguration(Features.Supervision.SupervisionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HostFilteringOptions>, AllowedHostsCheck>();
        builder.Services.AddOptions<HostFilteringOptions>().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new LogAntiforgeryFailures());
                // The id in the address names the record a request acts on. MVC reads the form before the route,
                // so a posted field called "id" would otherwise replace it: the route goes first.
                var route = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                options.ValueProviderFactories.Remove(route);
                options.ValueProviderFactories.Insert(0, route);
                options.Conventions.Add(new FeatureConvention());
                options.ModelBinderProviders.Insert(0, new NormalisedTextBinderProvider());
            })
            .AddRazorOptions(options =>
            {
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{3}/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
                options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            });
        // The flash message after a change rides in this cookie, held to the same rules as the sign-in and
        // antiforgery cookies; like the antiforgery cookie it follows the request's scheme only in Development.
        var development = builder.Environment.IsDevelopment();
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = development ? DevelopmentTempDataCookieName : TempDataCookieName;
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = SiteOptions.MaxUploadBytes;
            o.ValueCountLimit = 2048;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = SiteOptions.MaxRequestBytes);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only meaningful when the site is reachable solely through its reverse proxy (see README).
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    public static WebApplication UseCseLearning(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.UseSecurityHeaders(sendHsts: !development);
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustForwardedHeaders)
            app.UseForwardedHeaders();

        // The same plain error pages everywhere, Development included: no stack traces in any response.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");

        app.UseRequestSizeLimit();
        // Before anything reads a form: the antiforgery check would otherwise be the first to meet unreadable text.
        app.UseReadableText();

        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapControllers();
        app.MapHealthChecks("/health", new() { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
        return app;
    }
}
