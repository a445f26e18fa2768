using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CSELearning.IntegrationTests.Content;

/// <summary>The site loads its learning content once, before it serves, and will not serve content with problems.</summary>
public sealed class ContentStartupTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public void The_content_is_loaded_once_and_served_from_memory_already_rendered()
    {
        _ = factory.Server;
        var catalog = factory.Services.GetRequiredService<ContentCatalog>();

        Assert.Same(catalog, factory.Services.GetRequiredService<ContentCatalog>());
        var module = Assert.IsType<ContentModule>(catalog.Find("grooming-and-exploitation"));
        Assert.StartsWith("sha256:", module.ContentHash, StringComparison.Ordinal);
        var page = module.SectionsOf<ContentPage>().First();
        Assert.Contains("<p class=\"govuk-body\">", page.Body.Html.Value, StringComparison.Ordinal);
        // Nothing is left to parse: serving a page only reads the HTML.
        Assert.Empty(page.Body.Blocks);
    }

    // The whole program refusing to start (exit code, message, database untouched) is in
    // Platform/CommandLineTests; here, the start-up check that AddContent registers.
    [Fact]
    public async Task Starting_a_host_with_content_problems_fails_naming_the_file_and_line()
    {
        var directory = TestContent.Write(broken: true);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Content:Directory"] = directory;
        builder.AddContent();
        using var host = builder.Build();
        try
        {
            var error = await Assert.ThrowsAsync<ContentValidationException>(() => host.StartAsync());

            Assert.Equal(directory, error.Directory);
            var problem = Assert.Single(error.Problems);
            Assert.Equal($"{TestContent.BrokenFile}:{TestContent.BrokenLine}", $"{problem.Path}:{problem.Line}");
            Assert.Contains($"{TestContent.BrokenFile}:{TestContent.BrokenLine}: the citation [@nobody2020] is not in the module's references", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_site_starts_on_a_content_directory_given_in_settings()
    {
        var directory = TestContent.Write(broken: false);
        var other = new SqliteAppFactory();
        other.WithSetting("Content:Directory", directory);
        try
        {
            _ = other.Server;
            var catalog = other.Services.GetRequiredService<ContentCatalog>();

            Assert.Equal(directory, catalog.Directory);
            Assert.Equal(["first-steps"], catalog.Modules.Select(m => m.Id));
        }
        finally
        {
            await ((IAsyncLifetime)other).DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
