using System.Net;
using System.Text.Json;
using CSELearning.IntegrationTests.Infrastructure;

namespace CSELearning.IntegrationTests.Platform;

public abstract class HealthTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Health_reports_the_database_without_signing_in()
    {
        var response = await Factory.CreateBrowser().GetAsync("/health");

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
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
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
