using System.Net;
using System.Text.Json;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;

namespace CSELearning.IntegrationTests.Platform;

public abstract class HealthTests(AppFactory factory) : IntegrationTest(factory)
{
    [Theory]
    [InlineData(null)]            // the test server's own caller, from no address
    [InlineData("203.0.113.5")]   // a caller elsewhere on the internet
    public async Task Anyone_learns_whether_the_site_is_ready_but_not_what_is_checked(string? address)
    {
        await Factory.CreateUserAsync("pat.quinn@riverside.example", null, Roles.Learner);
        foreach (var browser in new[] { Factory.CreateBrowser(), await Factory.SignedInAsync("pat.quinn@riverside.example") })
        {
            if (address is not null) browser.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
            var response = await browser.GetAsync("/health");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal("""{"status":"Healthy"}""", body);
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_caller_on_the_same_machine_sees_each_check(string address)
    {
        var browser = Factory.CreateBrowser();
        browser.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);

        await AssertDetailedAsync(await browser.GetAsync("/health"));
    }

    [Fact]
    public async Task An_administrator_sees_each_check_from_anywhere()
    {
        await Factory.CreateUserAsync("alex.admin@platform.example", null, Roles.Administrator);
        var browser = await Factory.SignedInAsync("alex.admin@platform.example");
        browser.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "203.0.113.5");

        await AssertDetailedAsync(await browser.GetAsync("/health"));
    }

    private async Task AssertDetailedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var wal = json.RootElement.GetProperty("checks").GetProperty("sqlite-wal");
        if (Factory.Provider == "Sqlite")
            Assert.True(wal.GetProperty("data").GetProperty("walSizeBytes").GetInt64() >= 0);
        else
            Assert.False(wal.GetProperty("data").TryGetProperty("walSizeBytes", out _));
    }

    [Fact]
    public async Task Liveness_needs_no_database()
    {
        var response = await Factory.CreateBrowser().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthTestsOnSqlite(SqliteAppFactory factory) : HealthTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class HealthTestsOnPostgres(PostgresAppFactory factory) : HealthTests(factory), IClassFixture<PostgresAppFactory>;

/// <summary>Liveness and readiness part ways when the database goes: the process is up, but not ready.</summary>
public sealed class HealthWithoutDatabaseTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Liveness_still_answers_when_the_database_is_gone_and_readiness_says_unavailable()
    {
        var browser = factory.CreateBrowser();
        browser.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(factory.DataDirectory, recursive: true);
        var ready = await browser.GetAsync("/health");
        var live = await browser.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
