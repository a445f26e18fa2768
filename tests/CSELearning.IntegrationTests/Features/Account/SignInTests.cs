using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Account;

namespace CSELearning.IntegrationTests.Features.Account;

public abstract class SignInTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_person_with_the_right_password_is_signed_in_and_sent_home()
    {
        var org = await Factory.CreateOrganisationAsync();
        await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        var client = Factory.CreateBrowser();

        var response = await client.SignInAsync("jo.bloggs@riverside.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Welcome, Jo Bloggs", home);
    }

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_the_same_answer()
    {
        await Factory.CreateUserAsync("known@riverside.example", null, Roles.Learner);

        var wrongPassword = await Factory.CreateBrowser().SignInAsync("known@riverside.example", "not-the-password-at-all");
        var unknown = await Factory.CreateBrowser().SignInAsync("nobody@riverside.example", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var a = await wrongPassword.Content.ReadAsStringAsync();
        var b = await unknown.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(SignIn.FailureMessage), a);
        // Apart from the address typed (echoed back) and the per-response token, the pages are identical.
        Assert.Equal(
            Browser.AntiforgeryFree(a).Replace("known@riverside.example", "EMAIL", StringComparison.Ordinal),
            Browser.AntiforgeryFree(b).Replace("nobody@riverside.example", "EMAIL", StringComparison.Ordinal));
    }
}

public sealed class SignInTestsOnSqlite(SqliteAppFactory factory) : SignInTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class SignInTestsOnPostgres(PostgresAppFactory factory) : SignInTests(factory), IClassFixture<PostgresAppFactory>;
