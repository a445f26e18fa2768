using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>Every cookie the site sets, outside Development over HTTPS, is __Host- prefixed, Secure, HttpOnly and SameSite=Strict.</summary>
public abstract class CookieTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string AdminEmail = "alex.admin@platform.example";

    [Fact]
    public async Task Every_cookie_the_site_sets_is_host_prefixed_secure_httponly_and_strict()
    {
        await Factory.CreateUserAsync(AdminEmail, null, Roles.Administrator);
        var recorder = new SetCookieRecorder();
        var browser = Factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(), recorder);

        // Antiforgery (the form), the session (sign-in), TempData (the flash after a change, then its removal
        // once read), and the session's deletion at sign-out.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(AdminEmail)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/admin/partnerships/new", [new("Name", "Riverside Safeguarding Partnership")])).StatusCode);
        var partnership = await Factory.WithDbAsync(db => db.Partnerships.SingleAsync());
        Assert.Contains("Partnership", await browser.GetPageAsync($"/admin/partnerships/{partnership.Id}"));
        var signOut = Browser.AntiforgeryToken(await browser.GetPageAsync("/"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostWithTokenAsync("/account/sign-out", signOut, [])).StatusCode);

        var names = recorder.Cookies.Select(c => c.Split('=')[0]).Distinct().ToList();
        Assert.Contains(IdentityExtensions.AntiforgeryCookieName, names);
        Assert.Contains(IdentityExtensions.AuthCookieName, names);
        Assert.Contains(WebExtensions.TempDataCookieName, names);
        foreach (var cookie in recorder.Cookies)
        {
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure"), cookie);
            Assert.True(attributes.Contains("httponly"), cookie);
            Assert.True(attributes.Contains("samesite=strict"), cookie);
            Assert.True(attributes.Contains("path=/"), cookie);
            Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
        }
    }

    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public List<string> Cookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values)) Cookies.AddRange(values);
            return response;
        }
    }
}

public sealed class CookieTestsOnSqlite(SqliteAppFactory factory) : CookieTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class CookieTestsOnPostgres(PostgresAppFactory factory) : CookieTests(factory), IClassFixture<PostgresAppFactory>;
