using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>
/// Every endpoint the application exposes, read from its routing metadata, must appear in this table with
/// the access it should have, so a new endpoint cannot ship without a deliberate decision. Then each one is
/// requested by someone who should not reach it.
/// </summary>
public sealed partial class RouteAccessTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>, IAsyncLifetime
{
    private const string Anonymous = EndpointAccess.Anonymous;
    private const string SignedIn = EndpointAccess.SignedIn;

    /// <summary>Method and route pattern, and who may reach it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["GET /"] = SignedIn,
        ["GET /account"] = SignedIn,
        ["GET /account/sign-in"] = Anonymous,
        ["POST /account/sign-in"] = Anonymous,
        ["POST /account/sign-out"] = SignedIn,
        ["POST /account/sign-out-everywhere"] = SignedIn,
        ["POST /account/stay-signed-in"] = SignedIn,
        ["GET /kept-drafts"] = SignedIn,
        ["POST /kept-drafts/{id:guid}/discard"] = SignedIn,
        ["GET /account/signed-out"] = Anonymous,
        ["GET /account/forgot-password"] = Anonymous,
        ["POST /account/forgot-password"] = Anonymous,
        ["GET /account/reset-password"] = Anonymous,
        ["POST /account/reset-password"] = Anonymous,
        ["GET /account/change-password"] = SignedIn,
        ["POST /account/change-password"] = SignedIn,
        ["GET /account/my-data"] = SignedIn,
        ["GET /account/my-data.zip"] = SignedIn,
        ["GET /modules"] = SignedIn,
        ["GET /modules/{id}"] = SignedIn,
        ["GET /modules/{id}/{section}"] = SignedIn,
        ["POST /modules/{id}/start"] = SignedIn,
        ["POST /modules/{id}/{section}/choose"] = SignedIn,
        ["POST /modules/{id}/{section}/back"] = SignedIn,
        ["POST /modules/{id}/{section}/start-again"] = SignedIn,
        ["POST /modules/{id}/{section}/answers"] = SignedIn,
        ["GET /modules/{id}/{section}/attempts/{number:int}"] = SignedIn,
        ["GET /modules/{id}/completion"] = SignedIn,
        ["POST /modules/{id}/completion"] = SignedIn,
        ["GET /my-learning"] = SignedIn,
        ["GET /notifications"] = SignedIn,
        ["POST /notifications/read"] = SignedIn,
        ["POST /notifications/{id:guid}/read"] = SignedIn,
        ["GET /notifications/preferences"] = SignedIn,
        ["POST /notifications/preferences"] = SignedIn,
        ["GET /my-learning/record.pdf"] = SignedIn,
        ["GET /my-learning/certificates/{number}.pdf"] = SignedIn,
        ["GET /certificates/download"] = Policies.Reporting,
        ["GET /certificates/download.zip"] = Policies.Reporting,
        ["GET /glossary"] = Anonymous,
        ["GET /law"] = Anonymous,
        ["GET /verify/{code}"] = Anonymous,
        ["GET /reflections"] = SignedIn,
        ["POST /reflections/new"] = SignedIn,
        ["GET /reflections/export.pdf"] = SignedIn,
        ["GET /reflections/{id:guid}"] = SignedIn,
        ["POST /reflections/{id:guid}"] = SignedIn,
        ["POST /reflections/{id:guid}/autosave"] = SignedIn,
        ["POST /reflections/{id:guid}/save-as-new"] = SignedIn,
        ["GET /reflections/{id:guid}/share"] = SignedIn,
        ["POST /reflections/{id:guid}/share"] = SignedIn,
        ["POST /reflections/{id:guid}/comments"] = SignedIn,
        ["POST /reflections/{id:guid}/request-revision"] = SignedIn,
        ["POST /reflections/{id:guid}/review/autosave"] = SignedIn,
        ["POST /reflections/{id:guid}/replies"] = SignedIn,
        ["POST /reflections/{id:guid}/replies/autosave"] = SignedIn,
        ["POST /reflections/{id:guid}/sign-off"] = SignedIn,
        ["POST /reflections/{id:guid}/reopen"] = SignedIn,
        ["GET /supervision/caseload"] = Policies.Supervisor,
        ["GET /reports/uptake"] = Policies.Reporting,
        ["GET /reports/uptake.csv"] = Policies.Reporting,
        ["GET /reports/targets"] = Policies.Reporting,
        ["GET /reports/targets.csv"] = Policies.Reporting,
        ["GET /reports/targets/new"] = Policies.Reporting,
        ["POST /reports/targets/new"] = Policies.Reporting,
        ["POST /reports/targets/{id:guid}/remove"] = Policies.Reporting,
        ["GET /reports/trends"] = Policies.Reporting,
        ["GET /reports/xapi.json"] = Policies.Reporting,
        ["GET /reports/trends.csv"] = Policies.Reporting,
        ["GET /reports/scenarios"] = Policies.Reporting,
        ["GET /reports/scenarios.csv"] = Policies.Reporting,
        ["GET /item-analysis"] = Policies.ItemAnalysis,
        ["GET /item-analysis.csv"] = Policies.ItemAnalysis,
        ["GET /supervision/records"] = SignedIn,
        ["GET /supervision/records/new"] = Policies.Supervisor,
        ["POST /supervision/records/new"] = Policies.Supervisor,
        ["GET /supervision/records/{id:guid}"] = SignedIn,
        ["GET /supervision/records/{id:guid}/calendar.ics"] = SignedIn,
        ["GET /supervision/records/{id:guid}/pdf"] = SignedIn,
        ["POST /supervision/records/{id:guid}"] = SignedIn,
        ["POST /supervision/records/{id:guid}/comments"] = SignedIn,
        ["POST /supervision/records/{id:guid}/autosave"] = SignedIn,
        ["GET /supervision/records/{id:guid}/sign"] = SignedIn,
        ["POST /supervision/records/{id:guid}/sign/confirm"] = SignedIn,
        ["POST /supervision/records/{id:guid}/sign"] = SignedIn,
        ["POST /supervision/records/{id:guid}/acknowledge"] = SignedIn,
        ["GET /supervision/records/{id:guid}/acknowledge"] = SignedIn,
        ["POST /supervision/records/{id:guid}/acknowledge/confirm"] = SignedIn,
        ["GET /admin/audit"] = Policies.Administrator,
        ["GET /admin/certificates"] = Policies.Administrator,
        ["GET /admin/certificates/{id:guid}"] = Policies.Administrator,
        ["POST /admin/certificates/{id:guid}/revoke"] = Policies.Administrator,
        ["GET /support"] = Anonymous,
        ["GET /privacy"] = Anonymous,
        ["* /error"] = Anonymous,
        ["* /error/{statusCode:int}"] = Anonymous,
        ["* /health"] = Anonymous,
        ["* /health/live"] = Anonymous,
        ["GET /admin"] = Policies.Administrator,
        ["GET /admin/partnerships"] = Policies.Administrator,
        ["GET /admin/partnerships/new"] = Policies.Administrator,
        ["POST /admin/partnerships/new"] = Policies.Administrator,
        ["GET /admin/partnerships/{id:guid}"] = Policies.Administrator,
        ["GET /admin/partnerships/{id:guid}/edit"] = Policies.Administrator,
        ["POST /admin/partnerships/{id:guid}/edit"] = Policies.Administrator,
        ["GET /admin/partnerships/{id:guid}/agencies/new"] = Policies.Administrator,
        ["POST /admin/partnerships/{id:guid}/agencies/new"] = Policies.Administrator,
        ["GET /admin/agencies/{id:guid}/edit"] = Policies.Administrator,
        ["GET /admin/agencies/{id:guid}/learning"] = Policies.Administrator,
        ["POST /admin/agencies/{id:guid}/edit"] = Policies.Administrator,
        ["GET /admin/agencies/{id:guid}/teams/new"] = Policies.Administrator,
        ["POST /admin/agencies/{id:guid}/teams/new"] = Policies.Administrator,
        ["GET /admin/teams/{id:guid}/edit"] = Policies.Administrator,
        ["POST /admin/teams/{id:guid}/edit"] = Policies.Administrator,
        ["GET /admin/users"] = Policies.Administrator,
        ["GET /admin/users/new"] = Policies.Administrator,
        ["POST /admin/users/new"] = Policies.Administrator,
        ["GET /admin/users/{id:guid}"] = Policies.Administrator,
        ["GET /admin/users/{id:guid}/edit"] = Policies.Administrator,
        ["POST /admin/users/{id:guid}/edit"] = Policies.Administrator,
        ["POST /admin/users/{id:guid}/deactivate"] = Policies.Administrator,
        ["POST /admin/users/{id:guid}/reactivate"] = Policies.Administrator,
        ["POST /admin/users/{id:guid}/sign-out-everywhere"] = Policies.Administrator,
        ["GET /admin/users/{id:guid}/erase"] = Policies.Administrator,
        ["POST /admin/users/{id:guid}/erase"] = Policies.Administrator,
        ["GET /admin/users/{id:guid}/supervisors/new"] = Policies.Administrator,
        ["POST /admin/users/{id:guid}/supervisors/new"] = Policies.Administrator,
        ["POST /admin/supervision/{id:guid}/end"] = Policies.Administrator,
        ["GET /admin/users/import"] = Policies.Administrator,
        ["POST /admin/users/import"] = Policies.Administrator,
    };

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_endpoint_has_exactly_the_access_the_table_gives_it()
    {
        var actual = Endpoints().ToDictionary(e => e.Key, e => e.Access);

        var unlisted = actual.Keys.Except(Expected.Keys).Order().ToList();
        var missing = Expected.Keys.Except(actual.Keys).Order().ToList();
        Assert.True(unlisted.Count == 0, $"Endpoints with no entry in the access table: {string.Join(", ", unlisted)}");
        Assert.True(missing.Count == 0, $"Entries in the access table with no endpoint: {string.Join(", ", missing)}");
        foreach (var (key, access) in actual)
            Assert.True(Expected[key] == access, $"{key}: expected {Expected[key]}, but its metadata says {access}");
    }

    [Fact]
    public async Task Signed_out_visitors_reach_no_endpoint_that_needs_sign_in()
    {
        foreach (var endpoint in Endpoints().Where(e => e.Access != Anonymous))
        {
            var response = await factory.CreateBrowser().SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method == "*" ? "GET" : endpoint.Method), Url(endpoint))
            {
                Content = endpoint.Method == "POST" ? new FormUrlEncodedContent([]) : null,
            });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/sign-in", StringComparison.Ordinal),
                $"{endpoint.Key}: a signed-out visitor got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.ContentReviewer)]
    public async Task People_without_the_administrator_role_are_forbidden_every_administration_endpoint(string role)
    {
        var org = await factory.CreateOrganisationAsync();
        var person = await factory.CreateUserAsync($"{role.ToLowerInvariant()}.person@riverside.example", org, role);
        var client = await factory.SignedInAsync(person.Email!);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password"));

        foreach (var endpoint in Endpoints().Where(e => e.Access == Policies.Administrator))
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint));
            if (endpoint.Method == "POST") request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.Key}: a {role} got {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    public async Task Learners_supervisors_and_commissioners_are_forbidden_item_analysis(string role)
    {
        var org = await factory.CreateOrganisationAsync();
        var person = await factory.CreateUserAsync($"{role.ToLowerInvariant()}.person@riverside.example", org, role);
        var client = await factory.SignedInAsync(person.Email!);

        var endpoints = Endpoints().Where(e => e.Access == Policies.ItemAnalysis).ToList();
        Assert.Equal(2, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var response = await client.GetAsync(Url(endpoint));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.Key}: a {role} got {(int)response.StatusCode}");
        }
    }

    /// <summary>A concrete address for the pattern: route values become ids no record has.</summary>
    private static string Url(EndpointAccess endpoint) =>
        RouteValue().Replace(endpoint.Pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "404" : Guid.NewGuid().ToString());

    private IEnumerable<EndpointAccess> Endpoints() => Infrastructure.Endpoints.Of(factory);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
