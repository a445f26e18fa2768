using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>Drives the site as a browser would: fetches a form, then posts it with its antiforgery token.</summary>
public static partial class Browser
{
    /// <summary>A browser for the site: it keeps cookies and does not follow redirects, so tests see each response.</summary>
    public static HttpClient CreateBrowser(this WebApplicationFactory<Program> factory) => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public static async Task<string> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{Excerpt(body)}");
        return body;
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>
    /// GETs <paramref name="formUrl"/>, finds the form on it that posts to <paramref name="postUrl"/>, and submits
    /// the fields with that form's own antiforgery token, as a browser would: a form that lacks a token, or a
    /// page with no such form, fails the test. To send a post the page does not offer (a tampered or replayed
    /// one), take a token with <see cref="AntiforgeryToken"/> and use <see cref="PostWithTokenAsync"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(formUrl);
        return await client.PostWithTokenAsync(postUrl, FormToken(page, formUrl, postUrl), fields);
    }

    /// <summary>The antiforgery token inside the form that posts to <paramref name="postUrl"/>.</summary>
    public static string FormToken(string html, string formUrl, string postUrl)
    {
        var path = formUrl.Split('?')[0];
        foreach (Match form in FormPattern().Matches(html))
        {
            var action = ActionPattern().Match(form.Groups[1].Value) is { Success: true } found ? WebUtility.HtmlDecode(found.Groups[1].Value) : formUrl;
            // A button can post its form elsewhere (formaction): the form then posts there too.
            var buttonPosts = ButtonActionPattern().Matches(form.Value).Any(m => WebUtility.HtmlDecode(m.Groups[1].Value) == postUrl);
            if (action != postUrl && !(action == path && postUrl == formUrl) && !buttonPosts) continue;
            var token = TokenPattern().Match(form.Value);
            Assert.True(token.Success, $"The form on {formUrl} that posts to {postUrl} has no antiforgery token.");
            return WebUtility.HtmlDecode(token.Groups[1].Value);
        }
        Assert.Fail($"{formUrl} has no form that posts to {postUrl}.");
        return "";
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync(url, url, fields);

    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = TestData.Password)
    {
        return await client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);
    }

    /// <summary>A new browser, signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateBrowser();
        var response = await client.SignInAsync(email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}\n{Excerpt(await response.Content.ReadAsStringAsync())}");
        return client;
    }

    /// <summary>The page with its per-response tokens blanked, so two responses can be compared.</summary>
    public static string AntiforgeryFree(string html) => TokenPattern().Replace(html, "");

    public static string Excerpt(string body) => body.Length > 3000 ? body[..3000] : body;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b([^>]*)>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("\\baction=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("\\bformaction=\"([^\"]*)\"")]
    private static partial Regex ButtonActionPattern();
}
