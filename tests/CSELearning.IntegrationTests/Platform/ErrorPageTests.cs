using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using IStartupFilter = Microsoft.AspNetCore.Hosting.IStartupFilter;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>A factory whose application has one extra route that always fails, to see what a failure shows.</summary>
public sealed class FailingRouteFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingRoute>());
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(endpoints => endpoints.MapGet("/test/fail", (HttpContext _) =>
                throw new InvalidOperationException("secret internal detail: connection string Password=hunter2")).AllowAnonymous());
        };
    }
}

public sealed class ErrorPageTests(FailingRouteFactory factory) : IClassFixture<FailingRouteFactory>
{
    [Fact]
    public async Task A_failure_shows_a_plain_page_with_a_reference_and_no_internals()
    {
        var response = await factory.CreateBrowser().GetAsync("/test/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", body);
        Assert.Matches("quote this reference: <span class=\"app-correlation-id\">[0-9a-f]{32}</span>", body);
        Assert.DoesNotContain("secret internal detail", body);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotMatch(@"\bat [A-Z]\w*\.[A-Z]\w*", body); // a stack frame ("at Namespace.Type")
        Assert.DoesNotContain(".cs:line", body);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_not_found_page()
    {
        await factory.ResetAsync();
        await factory.CreateUserAsync("lee.park@riverside.example", null, Roles.Learner);
        var client = await factory.SignedInAsync("lee.park@riverside.example");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forbidden_page_gets_the_403_page_not_a_redirect()
    {
        await factory.ResetAsync();
        await factory.CreateUserAsync("lee.park@riverside.example", null, Roles.Learner);
        var client = await factory.SignedInAsync("lee.park@riverside.example");

        var response = await client.GetAsync("/admin/partnerships");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_any_signed_in_page()
    {
        foreach (var url in new[] { "/", "/account", "/account/change-password", "/admin" })
        {
            var response = await factory.CreateBrowser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
