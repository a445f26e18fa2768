using System.Net;
using System.Security.Cryptography.X509Certificates;
using CSELearning.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// The real application on Kestrel, listening over HTTPS on a free loopback port so that a real browser can
/// reach it, with a fresh SQLite database in a temporary folder, email kept in memory, and the sample module
/// from the test fixtures as its only content.
/// </summary>
public sealed class CseLearningApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cselearning-e2e", Guid.NewGuid().ToString("N"));
    private readonly X509Certificate2 _certificate = TestCertificate.CreateForLoopback();
    private readonly string _environment;
    private readonly string _scheme;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Uri? _address;

    /// <param name="https">HTTPS as in production; plain HTTP only to check how Development runs locally.</param>
    /// <param name="environment">The hosting environment: "Testing" unless a journey checks another.</param>
    /// <param name="settings">Settings of the journey's own (a short idle timeout, say), over the usual ones.</param>
    public CseLearningApp(bool https = true, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
        _scheme = https ? "https" : "http";
        // Port 0: Kestrel picks a free port, so test runs never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (https) listen.UseHttps(_certificate);
        }));
    }

    public CapturingEmailSender Email { get; } = new();

    /// <summary>Where the browser finds the site, such as https://127.0.0.1:40123/.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("Call Start first.");

    /// <summary>Starts the server (migrating the database) and learns the port Kestrel chose.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var listening = new Uri(addresses.Single(a => a.StartsWith(_scheme + "://", StringComparison.Ordinal)));
        // Plain HTTP is addressed as "localhost", as a developer's browser reaches the run command's site.
        _address = _scheme == "http" ? new Uri($"http://localhost:{listening.Port}/") : new Uri(listening, "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Site:SeedDemoData", "false");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        // The journeys follow the sample module, whose text and answers they know; the real modules in content/
        // are written and revised independently of the tests.
        builder.UseSetting("Content:Directory", FixtureContentDirectory);
        // Every journey signs in from the same address; the production limit would turn them away.
        builder.UseSetting("Security:SignInAttemptsPerWindow", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1");
        builder.UseSetting("DataProtection:CertificatePath", TestCertificate.KeyRingFile);
        builder.UseSetting("DataProtection:CertificatePassword", TestCertificate.KeyRingPassword);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(Email));
    }

    /// <summary>The repository's tests/fixtures/content, found by walking up from the test assembly to CSELearning.sln.</summary>
    public static string FixtureContentDirectory { get; } = FindFixtureContent();

    private static string FindFixtureContent()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CSELearning.sln")))
                return Path.Combine(directory.FullName, "tests", "fixtures", "content");
        }
        throw new InvalidOperationException($"CSELearning.sln was not found above {AppContext.BaseDirectory}: the E2E tests run from the repository.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _certificate.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
