using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CSELearning.DurabilityTests.Infrastructure;

/// <summary>
/// The built site (<c>CSELearning.Web.dll</c>) run as an operator runs it: a process of its own, configured by
/// environment variables, over HTTPS on a loopback port it picks, with its SQLite database in
/// <paramref name="dataDirectory"/>. It can be stopped the hard way (SIGKILL) or the polite way (SIGTERM).
/// </summary>
public sealed partial class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiteProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to its console so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static Dictionary<string, string> Settings(string dataDirectory) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Sqlite",
        ["Database__DataDirectory"] = dataDirectory,
        ["DataProtection__CertificatePath"] = TestCertificates.KeyRingFile,
        ["DataProtection__CertificatePassword"] = TestCertificates.Password,
        // The site is reached at https://127.0.0.1.
        ["AllowedHosts"] = "127.0.0.1;localhost",
    };

    /// <summary>Starts the site and waits until it answers <c>/health/live</c>.</summary>
    public static async Task<SiteProcess> StartAsync(string dataDirectory, IDictionary<string, string>? extra = null)
    {
        var start = Command([]);
        foreach (var (key, value) in Settings(dataDirectory)) start.Environment[key] = value;
        // Port 0: the site takes a free port and says which, so runs never collide.
        start.Environment["ASPNETCORE_URLS"] = "https://127.0.0.1:0";
        start.Environment["Kestrel__Certificates__Default__Path"] = TestCertificates.ServerFile;
        start.Environment["Kestrel__Certificates__Default__Password"] = TestCertificates.Password;
        start.Environment["Content__Directory"] = Repository.FixtureContent;
        // Every learner signs in from the same address; the production limit would turn them away.
        start.Environment["Security__SignInAttemptsPerWindow"] = "10000";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var site = new SiteProcess(Process.Start(start)!);
        site._process.OutputDataReceived += (_, e) => site.Collect(e.Data);
        site._process.ErrorDataReceived += (_, e) => site.Collect(e.Data);
        site._process.BeginOutputReadLine();
        site._process.BeginErrorReadLine();

        var waited = await Task.WhenAny(site._listening.Task, site._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (waited != site._listening.Task)
        {
            if (!site._process.HasExited) site._process.Kill();
            throw new InvalidOperationException($"The site did not start listening:\n{site.Output}");
        }
        site.Address = site._listening.Task.Result;
        using var client = Learner.Client(site.Address, cookies: null);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return site;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await site.DisposeAsync();
        throw new InvalidOperationException($"The site listens but /health/live did not answer 200 within 30 s:\n{site.Output}");
    }

    /// <summary>Each logged failure with the lines that follow it (the exception), at most 40 lines apiece.</summary>
    public IEnumerable<string> FailureLines()
    {
        var lines = Output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("fail: ", StringComparison.Ordinal) && !lines[i].Contains("crit: ", StringComparison.Ordinal)) continue;
            for (var j = i; j < Math.Min(lines.Length, i + 40) && (j == i || lines[j].StartsWith(' ')); j++) yield return lines[j].TrimEnd('\r');
        }
    }

    /// <summary>Runs one of the program's commands (such as <c>backup</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string[] arguments, IDictionary<string, string> environment)
    {
        var start = Command(arguments);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo Command(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Repository.WebApplication)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.WebApplication);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningPattern().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager or container runtime stops the site.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
    }

    /// <summary>Waits for the process to end; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (https://\S+)")]
    private static partial Regex ListeningPattern();
}

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The web project's build output, in the same configuration as these tests.</summary>
    public static string WebApplication { get; } = FindWebApplication();

    /// <summary>The sample module the tests play through (tests/fixtures/content).</summary>
    public static string FixtureContent => Path.Combine(Root, "tests", "fixtures", "content");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CSELearning.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"CSELearning.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static string FindWebApplication()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Root, "src", "CSELearning.Web", "bin", configuration, "net10.0", "CSELearning.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build the web project first: {path} is missing.");
    }
}
