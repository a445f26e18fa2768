using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;

namespace CSELearning.IntegrationTests.Platform;

public abstract class SecurityHeadersTests(AppFactory factory) : IntegrationTest(factory)
{
    public static TheoryData<string> AnonymousUrls => new()
    {
        "/account/sign-in",       // a page
        "/no-such-page",          // an error page
        "/css/app.css",           // a static file
        "/",                      // a redirect to sign-in
        "/health",                // an endpoint outside MVC
    };

    [Theory]
    [MemberData(nameof(AnonymousUrls))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await Factory.CreateBrowser().GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Signed_in_pages_are_never_cached()
    {
        await Factory.CreateUserAsync("pat.quinn@riverside.example", null, Roles.Learner);
        var client = await Factory.SignedInAsync("pat.quinn@riverside.example");

        foreach (var url in new[] { "/", "/account", "/account/change-password" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", Header(response, "Cache-Control"));
        }
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var page = await Factory.CreateBrowser().GetPageAsync("/account/sign-in");

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", page);
        Assert.DoesNotContain("<style", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\sstyle=""", page);
        Assert.DoesNotMatch(@"\son[a-z]+=""", page);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused_rather_than_redirected_there()
    {
        var browser = Factory.CreateBrowser();
        var viaAddress = await browser.GetAsync("https://evil.example/");
        using var viaHeader = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        viaHeader.Headers.Host = "evil.example";
        var withHeader = await browser.SendAsync(viaHeader);
        // The site's own host still gets the redirect to sign-in.
        var own = await browser.GetAsync("/");

        foreach (var refused in new[] { viaAddress, withHeader })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            Assert.DoesNotContain("evil.example", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal("localhost", own.Headers.Location!.Host);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");
}

public sealed class SecurityHeadersTestsOnSqlite(SqliteAppFactory factory) : SecurityHeadersTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class SecurityHeadersTestsOnPostgres(PostgresAppFactory factory) : SecurityHeadersTests(factory), IClassFixture<PostgresAppFactory>;

public sealed class DevelopmentHeadersTests(CSELearning.IntegrationTests.Features.Administration.DevelopmentAppFactory factory)
    : IClassFixture<CSELearning.IntegrationTests.Features.Administration.DevelopmentAppFactory>
{
    [Fact]
    public async Task Development_sends_no_hsts_so_a_local_browser_is_not_pinned_to_https()
    {
        var response = await factory.CreateBrowser().GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
