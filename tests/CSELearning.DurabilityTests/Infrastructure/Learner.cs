using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Text.Json;
using System.Text.RegularExpressions;
using CSELearning.Web.Content;

namespace CSELearning.DurabilityTests.Infrastructure;

/// <summary>
/// One learner's browser on the real site: keeps its cookies, follows no redirects, and sends each form with
/// the antiforgery token the site gave it.
/// </summary>
public sealed partial class Learner(Uri site, string email) : IDisposable
{
    public const string Module = "/modules/recognising-exploitation";

    private readonly HttpClient _client = Client(site, new CookieContainer());
    private string _token = "";

    public string Email { get; } = email;

    /// <summary>The sign-in cookie the site set at the last sign-in, as a Cookie header carries it.</summary>
    public string SignInCookie { get; private set; } = "";

    /// <summary>An HTTP client that trusts the test server's certificate and nothing else.</summary>
    public static HttpClient Client(Uri site, CookieContainer? cookies) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        MaxConnectionsPerServer = 4,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(), TestCertificates.ServerThumbprint, StringComparison.OrdinalIgnoreCase),
        },
    })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A signed-in learner for each address, one after another (each sign-in hashes a password).</summary>
    public static async Task<List<Learner>> SignInAllAsync(Uri site, IEnumerable<string> emails)
    {
        var learners = new List<Learner>();
        foreach (var email in emails)
        {
            var learner = new Learner(site, email);
            learners.Add(learner);
            await learner.SignInAsync();
        }
        return learners;
    }

    public async Task SignInAsync()
    {
        var page = await PageAsync("/account/sign-in");
        var response = await PostAsync("/account/sign-in", TokenIn(page), [new("Email", Email), new("Password", SiteData.Password)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {Email} answered {(int)response.StatusCode}.");
        SignInCookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("__Host-CSELearning=", StringComparison.Ordinal) && c.Length > "__Host-CSELearning=".Length);
        // One token serves every form this signed-in browser posts.
        _token = TokenIn(await PageAsync("/reflections"));
    }

    /// <summary>The sign-out button; the site's answer.</summary>
    public async Task<HttpStatusCode> SignOutAsync()
    {
        using var response = await PostAsync("/account/sign-out", _token, []);
        return response.StatusCode;
    }

    /// <summary>Posts the sign-in form with any email and password; returns the status.</summary>
    public async Task<HttpStatusCode> TrySignInAsync(string email, string password)
    {
        var page = await PageAsync("/account/sign-in");
        return (await PostAsync("/account/sign-in", TokenIn(page), [new("Email", email), new("Password", password)])).StatusCode;
    }

    /// <summary>A new, empty log; null unless the site answered with a redirect to it.</summary>
    public async Task<(HttpStatusCode Status, Guid? Id)> CreateLogAsync()
    {
        var response = await PostAsync("/reflections/new", _token, []);
        var id = response.StatusCode == HttpStatusCode.Redirect && LogAddress().Match(response.Headers.Location?.OriginalString ?? "") is { Success: true } match
            ? Guid.Parse(match.Groups[1].Value)
            : (Guid?)null;
        return (response.StatusCode, id);
    }

    /// <summary>The editor's autosave of <paramref name="text"/> over <paramref name="version"/>; the new version when it was saved.</summary>
    public async Task<(HttpStatusCode Status, int? Version)> AutosaveAsync(Guid id, int version, string text)
    {
        using var response = await PostAsync($"/reflections/{id}/autosave", _token, Fields(version, text));
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("version").GetInt32());
    }

    /// <summary>The Save button: a redirect back to the log when it was saved.</summary>
    public async Task<HttpStatusCode> SaveAsync(Guid id, int version, string text)
    {
        using var response = await PostAsync($"/reflections/{id}", _token, Fields(version, text));
        return response.StatusCode;
    }

    /// <summary>The log as its author sees it: its version and the text in its Description field.</summary>
    public async Task<(int Version, string Title, string Description)> ReadLogAsync(Guid id)
    {
        var page = await PageAsync($"/reflections/{id}");
        var version = int.Parse(VersionField().Match(page).Groups[1].Value, CultureInfo.InvariantCulture);
        var title = WebUtility.HtmlDecode(TitleField().Match(page).Groups[1].Value);
        var description = WebUtility.HtmlDecode(DescriptionField().Match(page).Groups[1].Value);
        return (version, title, description);
    }

    // The sample check's correct options, by key, as its form posts them.
    private static readonly Lazy<KeyValuePair<string, string>[]> CorrectAnswers = new(() =>
        ContentLoader.LoadDirectory(Repository.FixtureContent).Modules.Single().SectionsOf<KnowledgeCheck>().Single().Questions
            .SelectMany(q => q.Options.Where(o => o.IsCorrect).Select(o => new KeyValuePair<string, string>("answer-" + q.Id, o.Key))).ToArray());

    /// <summary>
    /// Plays the sample module from its start to a recorded completion (scenario choices, a passed check);
    /// returns the status of the last step, a redirect when the completion was recorded.
    /// </summary>
    public async Task<HttpStatusCode> CompleteModuleAsync(Action<HttpStatusCode>? eachStep = null)
    {
        var steps = new List<(string Url, KeyValuePair<string, string>[] Fields)>
        {
            (Module + "/start", []),
        };
        var revision = 0;
        var kayla = CSELearning.Web.Content.ContentCatalog.Load(Repository.FixtureContent).Find("recognising-exploitation")!
            .SectionsOf<CSELearning.Web.Content.Scenario>().Single();
        // The form posts each choice's key, not its place on the page (which is shuffled).
        foreach (var node in new[] { "back-late", "next-day", "sharing" })
            steps.Add((Module + "/kayla/choose", [new("node", node), new("choice", kayla.FindNode(node)!.Choices[0].Key), new("revision", (revision++).ToString(CultureInfo.InvariantCulture))]));
        steps.Add((Module + "/check/answers",
        [
            new("attempt", "1"), .. CorrectAnswers.Value,
        ]));
        steps.Add((Module + "/completion", [new("progress", "1")]));

        var status = HttpStatusCode.OK;
        foreach (var (url, fields) in steps)
        {
            using var response = await PostAsync(url, _token, fields);
            status = response.StatusCode;
            eachStep?.Invoke(status);
            if (status != HttpStatusCode.Redirect) return status;
        }
        return status;
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await _client.GetAsync(url);

    /// <summary>
    /// The Save button's post with <paramref name="text"/> in its fields, the body sent with its length or, when
    /// <paramref name="chunked"/>, as a stream of unknown length (Transfer-Encoding: chunked, no Content-Length).
    /// </summary>
    public async Task<(HttpStatusCode Status, string Page)> SaveAsync(Guid id, int version, string text, bool chunked)
    {
        using var form = new FormUrlEncodedContent(Fields(version, text).Append(new("__RequestVerificationToken", _token)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reflections/{id}") { Content = new StreamContent(await form.ReadAsStreamAsync()) };
        request.Content.Headers.ContentType = form.Headers.ContentType;
        request.Content.Headers.ContentLength = chunked ? null : form.Headers.ContentLength;
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> PageAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        return body;
    }

    private Task<HttpResponseMessage> PostAsync(string url, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    private static KeyValuePair<string, string>[] Fields(int version, string text) =>
        [new("Version", version.ToString(CultureInfo.InvariantCulture)), new("Title", text), new("Description", text), new("Conclusion", text)];

    private static string TokenIn(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token."));

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^/reflections/([0-9a-fA-F-]{36})$")]
    private static partial Regex LogAddress();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\" data-autosave-version")]
    private static partial Regex VersionField();

    [GeneratedRegex("id=\"Title\" name=\"Title\" type=\"text\" value=\"([^\"]*)\"")]
    private static partial Regex TitleField();

    [GeneratedRegex("<textarea[^>]*name=\"Description\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex DescriptionField();
}
