using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Account;

public abstract partial class PasswordTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Email = "robin.ames@riverside.example";

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);
        var hashBefore = await HashAsync();

        var response = await client.PostFormAsync("/account/change-password",
            [new("CurrentPassword", "not-my-current-password"), new("NewPassword", "heron-pebble-violin-cactus"), new("ConfirmPassword", "heron-pebble-violin-cactus")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your current password is not right", await response.Content.ReadAsStringAsync());
        Assert.Equal(hashBefore, await HashAsync());
    }

    [Fact]
    public async Task A_changed_password_works_and_ends_other_sessions_within_a_minute()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var here = await Factory.SignedInAsync(Email);
        var elsewhere = await Factory.SignedInAsync(Email);

        var response = await here.PostFormAsync("/account/change-password",
            [new("CurrentPassword", TestData.Password), new("NewPassword", "heron-pebble-violin-cactus"), new("ConfirmPassword", "heron-pebble-violin-cactus")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateBrowser().SignInAsync(Email)).StatusCode); // the old password fails
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync(Email, "heron-pebble-violin-cactus")).StatusCode);
    }

    [Theory]
    [InlineData("elevenchars", "between 12 and 128")]
    [InlineData("qazwsxedcrfv", "too common")]
    [InlineData("1qaz2wsx3edc", "too common")]
    [InlineData("Password1234", "too common")]
    [InlineData("robin.ames-secret-words", "must not contain your name or email")]
    public async Task Weak_new_passwords_are_refused_with_a_reason(string password, string reason)
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);
        var hashBefore = await HashAsync();

        var response = await client.PostFormAsync("/account/change-password",
            [new("CurrentPassword", TestData.Password), new("NewPassword", password), new("ConfirmPassword", password)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(hashBefore, await HashAsync());
    }

    [Theory]
    [InlineData("alllowercaseletters")] // no composition rules
    [InlineData("correct horse battery staple but longer")] // spaces allowed
    [InlineData("a-64-character-password-is-allowed-because-length-beats-rules-ok")]
    public async Task Long_passwords_without_composition_rules_are_accepted(string password)
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var client = await Factory.SignedInAsync(Email);

        var response = await client.PostFormAsync("/account/change-password",
            [new("CurrentPassword", TestData.Password), new("NewPassword", password), new("ConfirmPassword", password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Forgotten_password_page_says_the_same_for_known_and_unknown_addresses()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);

        var known = await Factory.CreateBrowser().PostFormAsync("/account/forgot-password", [new("Email", Email)]);
        var unknown = await Factory.CreateBrowser().PostFormAsync("/account/forgot-password", [new("Email", "nobody@riverside.example")]);

        var a = (await known.Content.ReadAsStringAsync()).Replace(Email, "EMAIL", StringComparison.Ordinal);
        var b = (await unknown.Content.ReadAsStringAsync()).Replace("nobody@riverside.example", "EMAIL", StringComparison.Ordinal);
        Assert.Equal(Browser.AntiforgeryFree(a), Browser.AntiforgeryFree(b));
        var sent = Assert.Single(Factory.Email.Sent);
        Assert.Equal(Email, sent.To);
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_unlocks_the_account()
    {
        await Factory.CreateUserAsync(Email, null, Roles.Learner);
        for (var i = 0; i < 5; i++) await Factory.CreateBrowser().SignInAsync(Email, $"wrong-password-{i}");
        await Factory.CreateBrowser().PostFormAsync("/account/forgot-password", [new("Email", Email)]);
        var link = new Uri(ResetLink().Match(Assert.Single(Factory.Email.Sent).Body).Value);
        var client = Factory.CreateBrowser();
        var form = await client.GetPageAsync(link.PathAndQuery);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("User", HiddenValue(form, "User")), new("Token", HiddenValue(form, "Token")),
            new("NewPassword", "heron-pebble-violin-cactus"), new("ConfirmPassword", "heron-pebble-violin-cactus"),
        };

        var reset = await client.PostWithTokenAsync("/account/reset-password", Browser.AntiforgeryToken(form), fields);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().SignInAsync(Email, "heron-pebble-violin-cactus")).StatusCode);

        var again = await client.PostWithTokenAsync("/account/reset-password", Browser.AntiforgeryToken(form),
            fields.Select(f => f.Key.EndsWith("Password", StringComparison.Ordinal) ? new KeyValuePair<string, string>(f.Key, "another-new-password-here") : f));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ResetPassword.InvalidLinkMessage), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tampered_reset_token_changes_nothing()
    {
        var user = await Factory.CreateUserAsync(Email, null, Roles.Learner);
        var hashBefore = await HashAsync();
        var client = Factory.CreateBrowser();

        var response = await client.PostFormAsync($"/account/reset-password?user={user.Id}&token=bm90LWEtdG9rZW4", "/account/reset-password",
            [new("User", user.Id.ToString()), new("Token", "bm90LWEtdG9rZW4"), new("NewPassword", "heron-pebble-violin-cactus"), new("ConfirmPassword", "heron-pebble-violin-cactus")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ResetPassword.InvalidLinkMessage), await response.Content.ReadAsStringAsync());
        Assert.Equal(hashBefore, await HashAsync());
    }

    private Task<string?> HashAsync() =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.PasswordHash).SingleAsync());

    private static string HiddenValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex(@"https://localhost/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

public sealed class PasswordTestsOnSqlite(SqliteAppFactory factory) : PasswordTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class PasswordTestsOnPostgres(PostgresAppFactory factory) : PasswordTests(factory), IClassFixture<PostgresAppFactory>;
