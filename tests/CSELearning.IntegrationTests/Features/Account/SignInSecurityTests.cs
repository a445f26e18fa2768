using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Account;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Account;

public abstract class SignInSecurityTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Email = "casey.hill@riverside.example";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();
        for (var i = 0; i < PasswordPolicy.MaxFailedAttempts; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(Email, $"wrong-password-number-{i}")).StatusCode);

        var withRightPassword = await client.SignInAsync(Email);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(SignIn.FailureMessage), await withRightPassword.Content.ReadAsStringAsync());
        var lockoutEnd = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_signs_in()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();
        for (var i = 0; i < PasswordPolicy.MaxFailedAttempts - 1; i++)
            await client.SignInAsync(Email, $"wrong-password-number-{i}");

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Email)).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_gets_the_usual_message()
    {
        var user = await Factory.CreateUserAsync(Email, null, Roles.Learner);
        await DeactivateAsync(user.Id);

        var response = await Factory.CreateBrowser().SignInAsync(Email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(SignIn.FailureMessage), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_open_session_within_a_minute()
    {
        var user = await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);
        await client.GetPageAsync("/");

        await DeactivateAsync(user.Id);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_cookies_are_host_prefixed_secure_httponly_and_strict()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();
        var form = await client.GetAsync("/account/sign-in");
        var antiforgery = CookieHeader(form, IdentityExtensions.AntiforgeryCookieName);

        var response = await client.PostWithTokenAsync("/account/sign-in", Browser.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            [new("Email", Email), new("Password", TestData.Password)]);
        var auth = CookieHeader(response, IdentityExtensions.AuthCookieName);

        foreach (var cookie in new[] { antiforgery, auth })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Signing_in_again_issues_a_new_session_cookie()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();
        var first = CookieHeader(await client.SignInAsync(Email), IdentityExtensions.AuthCookieName);

        var second = CookieHeader(await client.SignInAsync(Email), IdentityExtensions.AuthCookieName);

        Assert.NotEqual(CookieValue(first), CookieValue(second));
    }

    [Fact]
    public async Task A_session_ends_after_twenty_minutes_idle()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);

        Factory.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_eight_hours_after_sign_in_however_active()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);

        // Active every 15 minutes for 7 hours 45 minutes: still signed in.
        for (var i = 0; i < 31; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        Factory.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_needs_a_post()
    {
        var user = await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var logId = await Factory.LogAsync(user, TestLogs.Text("Home visit", "Private"));
        var client = Factory.CreateBrowser();
        var copied = CookieValue(CookieHeader(await client.SignInAsync(Email), IdentityExtensions.AuthCookieName));
        var home = await client.GetPageAsync("/");
        string[] pages = ["/account", $"/reflections/{logId}"];
        foreach (var page in pages) Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(page, copied)).StatusCode);

        var get = await client.GetAsync("/account/sign-out");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var post = await client.PostWithTokenAsync("/account/sign-out", Browser.AntiforgeryToken(home), []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        // A copy of the cookie taken before signing out is refused too, at once and later: the session has ended on the server.
        var elapsed = 0;
        foreach (var seconds in new[] { 0, 30, 65, 130 })
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(seconds - elapsed));
            elapsed = seconds;
            foreach (var page in pages) AssertSentToSignIn(await GetWithCookieAsync(page, copied), $"{page} {seconds} s after signing out");
        }
    }

    [Fact]
    public async Task Signing_out_leaves_the_same_persons_other_sessions_signed_in()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var laptop = await Factory.SignedInAsync(Email);
        var phone = await Factory.SignedInAsync(Email);

        await laptop.PostFormAsync("/", "/account/sign-out", []);

        AssertSentToSignIn(await laptop.GetAsync("/account"), "the browser that signed out");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_person_and_no_one_elses()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        await Factory.CreateUserAsync("robin.fox@riverside.example", null, Roles.Learner);
        var laptop = Factory.CreateBrowser();
        var copied = CookieValue(CookieHeader(await laptop.SignInAsync(Email), IdentityExtensions.AuthCookieName));
        var phone = await Factory.SignedInAsync(Email);
        var someoneElse = await Factory.SignedInAsync("robin.fox@riverside.example");
        var account = await laptop.GetPageAsync("/account");
        Assert.Contains("This signs you out on every device, including this one.", account);

        var response = await laptop.PostFormAsync("/account", "/account/sign-out-everywhere", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You have been signed out on every device", await laptop.GetPageAsync(response.Headers.Location!.OriginalString));
        AssertSentToSignIn(await laptop.GetAsync("/account"), "the browser that asked");
        AssertSentToSignIn(await phone.GetAsync("/account"), "the person's other browser");
        AssertSentToSignIn(await GetWithCookieAsync("/account", copied), "a copy of the cookie");
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync(Email)).StatusCode);
    }

    [Fact]
    public async Task Finished_sessions_are_deleted_by_retention_and_open_ones_kept()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var ended = await Factory.SignedInAsync(Email);
        await ended.PostFormAsync("/", "/account/sign-out", []);
        var old = await Factory.SignedInAsync(Email);
        Factory.Clock.Advance(TimeSpan.FromHours(9));
        var current = await Factory.SignedInAsync(Email);
        Assert.Equal(3, await Factory.WithDbAsync(db => db.UserSessions.CountAsync()));

        var deleted = await Factory.WithDbAsync(db => new SessionRecords(db, Factory.Clock).DeleteFinishedAsync(TimeSpan.FromHours(8)));

        Assert.Equal(2, deleted);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/account")).StatusCode);
        AssertSentToSignIn(await old.GetAsync("/account"), "a session past the absolute timeout");
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();
        await client.GetAsync("/account/sign-in");

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Email", Email), new("Password", TestData.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Something was wrong with that request", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], cookie => cookie.StartsWith(IdentityExtensions.AuthCookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();

        var response = await client.PostFormAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "/account/sign-in",
            [new("Email", Email), new("Password", TestData.Password), new("ReturnUrl", "https://evil.example/")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Return_url_on_this_site_is_followed()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = Factory.CreateBrowser();

        var response = await client.PostFormAsync("/account/sign-in", [new("Email", Email), new("Password", TestData.Password), new("ReturnUrl", "/account")]);

        Assert.Equal("/account", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Passwords_are_stored_with_pbkdf2_sha512_at_210000_iterations()
    {
        var user = await Factory.CreateUserAsync(Email, null, Roles.Learner);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var stored = await users.FindByIdAsync(user.Id.ToString());
        Assert.True((await users.RemovePasswordAsync(stored!)).Succeeded);
        Assert.True((await users.AddPasswordAsync(stored!, "a-fresh-password-for-hashing")).Succeeded);

        var hash = Convert.FromBase64String(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash!).SingleAsync()));

        Assert.Equal(0x01, hash[0]); // format: version 3 (PBKDF2)
        Assert.Equal(2u, ReadUInt32(hash, 1)); // pseudo-random function: HMAC-SHA512
        Assert.Equal((uint)PasswordPolicy.HashIterations, ReadUInt32(hash, 5));
        Assert.True(PasswordPolicy.HashIterations >= 210_000);
    }

    private static uint ReadUInt32(byte[] buffer, int offset) =>
        (uint)(buffer[offset] << 24 | buffer[offset + 1] << 16 | buffer[offset + 2] << 8 | buffer[offset + 3]);

    private async Task DeactivateAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByIdAsync(userId.ToString());
        user!.Deactivate(DateTime.UtcNow);
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>A GET from a browser that holds nothing but <paramref name="cookie"/>: someone who copied it.</summary>
    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/account/sign-in",
            $"{what}: expected a redirect to sign in, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    internal static string CookieHeader(HttpResponseMessage response, string name)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        // The one that sets a value (a sign-in over an old session also sends the old cookie's deletion).
        return Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal));
    }

    private static string CookieValue(string header) => header.Split(';')[0];
}

public sealed class SignInSecurityTestsOnSqlite(SqliteAppFactory factory) : SignInSecurityTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class SignInSecurityTestsOnPostgres(PostgresAppFactory factory) : SignInSecurityTests(factory), IClassFixture<PostgresAppFactory>;
