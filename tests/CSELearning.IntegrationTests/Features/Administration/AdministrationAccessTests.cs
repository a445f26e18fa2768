using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Every administration route is for administrators only, checks its antiforgery token, and 404s unknown ids.</summary>
public abstract class AdministrationAccessTests(AppFactory factory) : AdministrationTest(factory)
{
    /// <summary>The routes the administration area is meant to have; the app's own route table is checked against it.</summary>
    private static readonly (string Method, string Template)[] Routes =
    [
        ("GET", "admin"),
        ("GET", "admin/audit"),
        ("GET", "admin/certificates"),
        ("GET", "admin/certificates/{id:guid}"),
        ("POST", "admin/certificates/{id:guid}/revoke"),
        ("GET", "admin/partnerships"),
        ("GET", "admin/partnerships/new"),
        ("POST", "admin/partnerships/new"),
        ("GET", "admin/partnerships/{id:guid}"),
        ("GET", "admin/partnerships/{id:guid}/edit"),
        ("POST", "admin/partnerships/{id:guid}/edit"),
        ("GET", "admin/partnerships/{id:guid}/agencies/new"),
        ("POST", "admin/partnerships/{id:guid}/agencies/new"),
        ("GET", "admin/agencies/{id:guid}/edit"),
        ("GET", "admin/agencies/{id:guid}/learning"),
        ("POST", "admin/agencies/{id:guid}/edit"),
        ("GET", "admin/agencies/{id:guid}/teams/new"),
        ("POST", "admin/agencies/{id:guid}/teams/new"),
        ("GET", "admin/teams/{id:guid}/edit"),
        ("POST", "admin/teams/{id:guid}/edit"),
        ("GET", "admin/users"),
        ("GET", "admin/users/new"),
        ("POST", "admin/users/new"),
        ("GET", "admin/users/{id:guid}"),
        ("GET", "admin/users/{id:guid}/edit"),
        ("POST", "admin/users/{id:guid}/edit"),
        ("POST", "admin/users/{id:guid}/deactivate"),
        ("POST", "admin/users/{id:guid}/reactivate"),
        ("POST", "admin/users/{id:guid}/sign-out-everywhere"),
        ("GET", "admin/users/{id:guid}/erase"),
        ("POST", "admin/users/{id:guid}/erase"),
        ("GET", "admin/users/{id:guid}/supervisors/new"),
        ("POST", "admin/users/{id:guid}/supervisors/new"),
        ("POST", "admin/supervision/{id:guid}/end"),
        ("GET", "admin/users/import"),
        ("POST", "admin/users/import"),
    ];

    private sealed record Ids(Guid Partnership, Guid Agency, Guid Team, Guid User, Guid Supervision, Guid Certificate);

    [Fact]
    public void The_route_table_has_exactly_the_administration_routes_tested_here()
    {
        var actual = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (m, e.RoutePattern.RawText!.TrimStart('/'))))
            .Order().ToList();

        Assert.Equal(Routes.Order().ToList(), actual);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_route()
    {
        var ids = await ArrangeAsync();
        var browser = Factory.CreateBrowser();
        foreach (var (method, template) in Routes)
        {
            var url = Url(template, ids);
            var response = method == "GET" ? await browser.GetAsync(url) : await browser.PostAsync(url, new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url}: expected a redirect, got {(int)response.StatusCode}");
            Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
        }
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    public async Task People_without_the_Administrator_role_are_refused_every_route(string role)
    {
        var ids = await ArrangeAsync();
        var org = await Factory.CreateOrganisationAsync("Hillside Partnership");
        await Factory.CreateUserAsync("someone@hillside.example", org, role);
        var browser = await Factory.SignedInAsync("someone@hillside.example");
        // A genuine token for this person, so that only the role can be the reason for refusal.
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/"));
        var before = await SnapshotAsync();

        foreach (var (method, template) in Routes)
        {
            var url = Url(template, ids);
            var response = method == "GET" ? await browser.GetAsync(url) : await browser.PostWithTokenAsync(url, token, []);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {url}: expected 403, got {(int)response.StatusCode}");
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Administrators_reach_every_route()
    {
        var ids = await ArrangeAsync();
        var (browser, _) = await SignInAsAdministratorAsync();
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/admin"));

        foreach (var (method, template) in Routes)
        {
            var url = Url(template, ids);
            var response = method == "GET" ? await browser.GetAsync(url) : await browser.PostWithTokenAsync(url, token, []);
            var expected = method == "GET" ? [HttpStatusCode.OK] : new[] { HttpStatusCode.OK, HttpStatusCode.Redirect };
            Assert.True(expected.Contains(response.StatusCode), $"{method} {url}: got {(int)response.StatusCode}\n{Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
        }
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var ids = await ArrangeAsync();
        var (browser, _) = await SignInAsAdministratorAsync();
        var before = await SnapshotAsync();

        foreach (var (_, template) in Routes.Where(r => r.Method == "POST"))
        {
            var url = Url(template, ids);
            var response = await browser.PostAsync(url, new FormUrlEncodedContent([new("Name", "Forged"), new("EndsOn", "2030-01-01")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: expected 400, got {(int)response.StatusCode}");
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        await ArrangeAsync();
        var (browser, _) = await SignInAsAdministratorAsync();
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/admin"));
        var nobody = new Ids(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var before = await SnapshotAsync();

        foreach (var (method, template) in Routes.Where(r => r.Template.Contains("{id:guid}", StringComparison.Ordinal)))
        {
            var url = Url(template, nobody);
            var response = method == "GET"
                ? await browser.GetAsync(url)
                : await browser.PostWithTokenAsync(url, token, [new("Name", "Ghost"), new("Sector", "Police"), new("IsActive", "true"), new("EndsOn", "2030-01-01")]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: expected 404, got {(int)response.StatusCode}");
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<Ids> ArrangeAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("priya.shah@riverside.example", org, Roles.Supervisor);
        var learner = await Factory.CreateUserAsync("jo.bloggs@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, learner, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));
        var supervision = await Factory.WithDbAsync(db => Task.FromResult(db.SupervisionRelationships.Single().Id));
        var certificate = (await Factory.IssueCertificatesAsync(learner, DateTime.UtcNow.AddDays(-1))).Single();
        return new Ids(org.Partnership.Id, org.Agency.Id, org.Team.Id, learner.Id, supervision, certificate.Id);
    }

    private static string Url(string template, Ids ids)
    {
        var id = template switch
        {
            _ when template.StartsWith("admin/partnerships/", StringComparison.Ordinal) => ids.Partnership,
            _ when template.StartsWith("admin/agencies/", StringComparison.Ordinal) => ids.Agency,
            _ when template.StartsWith("admin/teams/", StringComparison.Ordinal) => ids.Team,
            _ when template.StartsWith("admin/supervision/", StringComparison.Ordinal) => ids.Supervision,
            _ when template.StartsWith("admin/certificates/", StringComparison.Ordinal) => ids.Certificate,
            _ => ids.User,
        };
        return "/" + template.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
    }
}

public sealed class AdministrationAccessTestsOnSqlite(SqliteAppFactory factory) : AdministrationAccessTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class AdministrationAccessTestsOnPostgres(PostgresAppFactory factory) : AdministrationAccessTests(factory), IClassFixture<PostgresAppFactory>;
