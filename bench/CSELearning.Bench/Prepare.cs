using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CSELearning.Web.Content;

namespace CSELearning.Bench;

/// <summary>
/// Signs in, once each, the learners, the commissioner and the content reviewer that enable-sign-in made able to, and leaves every
/// learner where the load can start: the scenario's module started, a choice form in front of them, and a
/// reflective log of their own open. Writes what the load generator needs: each learner's cookies, form
/// token, scenario position and log, the scenario's map (so each connection can follow its own learner through
/// it without reading the pages), the commissioner's and the content reviewer's cookies, and the module page to load.
/// </summary>
public static partial class Prepare
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var site = new Uri(args.Text("base"));
        var password = Environment.GetEnvironmentVariable(args.Text("password-env"))
            ?? throw new ArgumentException($"{args.Text("password-env")} is not set.");
        var seed = args.Number("seed");
        var count = args.Number("learners");
        var output = args.Text("out");
        var catalog = ContentCatalog.Load(args.Text("content"));
        // Modules with a scenario and a teaching page; each learner takes the first they have not completed
        // (a completed module's scenario is not played again until a refresher is due).
        var modules = catalog.Modules.OrderBy(m => m.Id, StringComparer.Ordinal)
            .Where(m => m.SectionsOf<Scenario>().Any() && m.SectionsOf<ContentPage>().Any()).ToList();

        using var gate = new SemaphoreSlim(4);
        var learners = await Task.WhenAll(Enumerable.Range(1, count).Select(async n =>
        {
            await gate.WaitAsync();
            try { return await LearnerAsync(site, $"learner{n}.seed{seed}@generated.example", password, modules); }
            finally { gate.Release(); }
        }));
        var (commissioner, _) = await SignInAsync(site, $"commissioner.seed{seed}@generated.example", password);
        var (reviewer, _) = await SignInAsync(site, $"reviewer.seed{seed}@generated.example", password);

        Directory.CreateDirectory(output);
        var lua = new StringBuilder();
        lua.AppendLine("-- Written by CSELearning.Bench prepare for one run; holds session cookies, do not keep.");
        lua.AppendLine("return {");
        lua.AppendLine("  scenarios = {");
        foreach (var module in modules)
        {
            var scenario = module.SectionsOf<Scenario>().First();
            lua.AppendLine(CultureInfo.InvariantCulture, $"    [{Quote(ScenarioUrl(module))}] = {{ start = {Quote(scenario.Start!.Id)}, graph = {{");
            foreach (var node in scenario.Nodes)
                lua.AppendLine(CultureInfo.InvariantCulture, $"      [{Quote(node.Id)}] = {{ ending = {(node.IsEnding ? "true" : "false")}, targets = {{ {string.Join(", ", node.Choices.Select(c => Quote(c.Target)))} }}, keys = {{ {string.Join(", ", node.Choices.Select(c => Quote(c.Key)))} }} }},");
            lua.AppendLine("    } },");
        }
        lua.AppendLine("  },");
        lua.AppendLine("  learners = {");
        foreach (var l in learners)
            lua.AppendLine(CultureInfo.InvariantCulture, $"    {{ scenario = {Quote(l.Scenario)}, cookie = {Quote(l.Cookie)}, token = {Quote(l.Token)}, node = {Quote(l.Node)}, revision = {l.Revision}, reflection = {Quote(l.Reflection)}, version = {l.Version} }},");
        lua.AppendLine("  },");
        lua.AppendLine("}");
        await File.WriteAllTextAsync(Path.Combine(output, "learners.lua"), lua.ToString());
        await File.WriteAllTextAsync(Path.Combine(output, "learner.cookie"), learners[0].Cookie);
        await File.WriteAllTextAsync(Path.Combine(output, "commissioner.cookie"), commissioner);
        await File.WriteAllTextAsync(Path.Combine(output, "reviewer.cookie"), reviewer);
        await File.WriteAllTextAsync(Path.Combine(output, "module-page"), learners[0].Page);
        Json.Print(new { learners = learners.Length, scenarios = learners.GroupBy(l => l.Scenario).ToDictionary(g => g.Key, g => g.Count()), page = learners[0].Page });
        return 0;
    }

    private static string ScenarioUrl(ContentModule module) => $"/modules/{module.Id}/{module.SectionsOf<Scenario>().First().Id}";

    private sealed record Learner(string Scenario, string Page, string Cookie, string Token, string Node, int Revision, string Reflection, int Version);

    private static async Task<Learner> LearnerAsync(Uri site, string email, string password, IReadOnlyList<ContentModule> modules)
    {
        var (_, client) = await SignInAsync(site, email, password);
        using (client)
        {
            foreach (var module in modules)
            {
                var scenarioUrl = ScenarioUrl(module);
                var start = await PageAsync(client, $"/modules/{module.Id}");
                await PostAsync(client, $"/modules/{module.Id}/start", Token(start), []);
                using var response = await client.GetAsync(scenarioUrl);
                if (response.StatusCode != HttpStatusCode.OK) continue; // completed: try the next module
                var html = await response.Content.ReadAsStringAsync();
                if (!html.Contains("name=\"node\"", StringComparison.Ordinal))
                {
                    // At an ending from an earlier visit: begin the scenario again.
                    await PostAsync(client, scenarioUrl + "/start-again", Token(html), [new("revision", Field(html, "revision"))]);
                    html = await PageAsync(client, scenarioUrl);
                }
                var token = Token(html);
                var created = await PostAsync(client, "/reflections/new", token, []);
                var reflection = created.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"{email}: no new reflective log.");
                var log = await PageAsync(client, reflection);
                var version = VersionPattern().Match(log) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"{email}: no version on {reflection}.");
                return new Learner(scenarioUrl, $"/modules/{module.Id}/{module.SectionsOf<ContentPage>().First().Id}", Cookies(client, site), token,
                    Field(html, "node"), int.Parse(Field(html, "revision"), CultureInfo.InvariantCulture), reflection, int.Parse(version, CultureInfo.InvariantCulture));
            }
            throw new InvalidOperationException($"{email} has completed every module with a scenario: none can be played.");
        }
    }

    private static readonly Dictionary<HttpClient, CookieContainer> Jars = [];

    private static async Task<(string Cookie, HttpClient Client)> SignInAsync(Uri site, string email, string password)
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = jar,
            AllowAutoRedirect = false,
            // The bench serves its own self-signed certificate, on loopback only.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || site.IsLoopback },
        })
        { BaseAddress = site, Timeout = TimeSpan.FromMinutes(2) };
        lock (Jars) Jars[client] = jar;
        var form = await PageAsync(client, "/account/sign-in");
        var response = await PostAsync(client, "/account/sign-in", Token(form), [new("Email", email), new("Password", password)]);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}.");
        return (Cookies(client, site), client);
    }

    private static string Cookies(HttpClient client, Uri site)
    {
        CookieContainer jar;
        lock (Jars) jar = Jars[client];
        return jar.GetCookieHeader(site);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}.");
        return body;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, KeyValuePair<string, string>[] fields)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode}.");
        return response;
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No form token on the page.");

    private static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No {name} field on the page.");

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
