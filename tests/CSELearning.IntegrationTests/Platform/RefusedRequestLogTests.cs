using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.Extensions.Logging;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>
/// Requests refused because of who sent them or how are logged (ASVS 16.3.2): who, the method and the path,
/// on one line, and nothing the person typed.
/// </summary>
public sealed class RefusedRequestLogTests(SqliteAppFactory factory) : IntegrationTest(factory), IClassFixture<SqliteAppFactory>
{
    private const string Typed = "typed-by-the-person";

    [Fact]
    public async Task Access_denied_and_antiforgery_failures_are_logged_with_who_the_method_and_the_path_and_nothing_typed()
    {
        var organisation = await Factory.CreateOrganisationAsync();
        var learner = await Factory.CreateUserAsync("lee.learner@riverside.example", organisation, Roles.Learner);
        var browser = await Factory.SignedInAsync(learner.Email!);
        var created = await browser.PostFormAsync("/reflections", "/reflections/new", []);
        var logUrl = created.Headers.Location!.OriginalString;
        // Allowed requests, the sign-in among them, are not refusals.
        Assert.Empty(Refusals());

        // A page the learner's role does not reach, with a query string.
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/admin/users?Search={Typed}")).StatusCode);
        // Posts without an antiforgery token: signed in, with a line break in the path, and signed out.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync(logUrl, Form(("Version", "1"), ("Title", Typed)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/modules/no-such%0Awarn:%20forged/start", Form())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Factory.CreateBrowser().PostAsync("/account/sign-in", Form(("Email", $"{Typed}@riverside.example"), ("Password", Typed)))).StatusCode);

        var id = learner.Id.ToString();
        Assert.Equal(
        [
            $"Refused GET /admin/users for {id}: access denied",
            $"Refused POST {logUrl} for {id}: antiforgery token missing or invalid",
            $@"Refused POST /modules/no-such\nwarn: forged/start for {id}: antiforgery token missing or invalid",
            $"Refused POST /account/sign-in for {RefusedRequestLog.Anonymous}: antiforgery token missing or invalid",
        ], Refusals().Select(e => e.Message));
        Assert.All(Refusals(), e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains(Typed, StringComparison.Ordinal));
    }

    private List<CapturedLogEntry> Refusals() =>
        [.. Factory.Logs.Entries.Where(e => e.Category == typeof(RefusedRequestLog).FullName)];

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
