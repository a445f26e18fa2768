using System.Net;
using System.Text.Json;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.KeptDrafts;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.KeptDrafts;

/// <summary>
/// Nothing typed is lost when the session times out: the timeout warning and "Stay signed in", and text sent after
/// the session ended, kept encrypted for its author alone and offered back after they sign in again. The site runs
/// with a two-minute idle timeout and a warning a minute before it.
/// </summary>
public abstract class KeptDraftTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string AuthorEmail = "kit.author@riverside.example";
    private const string OtherEmail = "lou.other@riverside.example";
    private const string Phrase = "Kept words about the home visit on Tuesday";
    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Signed_in_pages_carry_the_timeout_warning_timed_by_the_server_and_others_do_not()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var page = await (await Factory.SignedInAsync(AuthorEmail)).GetPageAsync("/");

        Assert.Contains("<dialog class=\"app-timeout-dialog\" id=\"timeout-warning\" role=\"alertdialog\" aria-modal=\"true\"", page);
        Assert.Contains("data-seconds-left=\"120\" data-warning-seconds=\"60\"", page);
        Assert.Contains("action=\"/account/stay-signed-in\"", page);
        Assert.DoesNotContain("timeout-warning", await Factory.CreateBrowser().GetPageAsync("/account/sign-in"));
    }

    [Fact]
    public async Task Stay_signed_in_extends_the_session_past_when_it_would_have_ended()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var stays = await Factory.SignedInAsync(AuthorEmail);
        var leaves = await Factory.SignedInAsync(AuthorEmail);
        var token = Browser.FormToken(await stays.GetPageAsync("/"), "/", "/account/stay-signed-in");

        // Less than half the timeout: a sliding cookie alone would not have been renewed yet.
        Factory.Clock.Advance(TimeSpan.FromSeconds(50));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/stay-signed-in")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var stayed = await stays.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, stayed.StatusCode);
        Assert.Equal(120, JsonDocument.Parse(await stayed.Content.ReadAsStringAsync()).RootElement.GetProperty("secondsLeft").GetInt32());

        Factory.Clock.Advance(TimeSpan.FromSeconds(100)); // 2 minutes 30 seconds since the last page
        Assert.Equal(HttpStatusCode.OK, (await stays.GetAsync("/")).StatusCode);
        AssertSentToSignIn(await leaves.GetAsync("/"));
    }

    [Fact]
    public async Task Stay_signed_in_without_javascript_goes_back_to_the_page_and_needs_a_token()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);

        var stayed = await browser.PostFormAsync("/my-learning", "/account/stay-signed-in", [new("ReturnUrl", "/my-learning")]);
        Assert.Equal("/my-learning", stayed.Headers.Location!.OriginalString);
        var elsewhere = await browser.PostFormAsync("/my-learning", "/account/stay-signed-in", [new("ReturnUrl", "https://evil.example/")]);
        Assert.Equal("/", elsewhere.Headers.Location!.OriginalString);
        var forged = await browser.PostAsync("/account/stay-signed-in", new FormUrlEncodedContent([new("ReturnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_form_sent_after_the_idle_timeout_is_kept_encrypted_and_offered_back_to_its_author_after_signing_in()
    {
        var author = await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);
        var (id, token) = await OpenLogAsync(browser);

        Factory.Clock.Advance(PastTheTimeout);
        var sent = await SendLogAsync(browser, id, token, Phrase);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fkept-drafts", sent.Headers.Location!.PathAndQuery);
        var draft = await Factory.WithDbAsync(db => db.KeptDrafts.AsNoTracking().SingleAsync());
        Assert.Equal((author.Id, $"/reflections/{id}", $"/reflections/{id}"), (draft.UserId, draft.Path, draft.FormPage));
        // Encrypted at rest: neither the column nor anything else the database holds shows the text.
        Assert.DoesNotContain("home visit", draft.ProtectedFields, StringComparison.Ordinal);
        Assert.DoesNotContain("home visit", await Factory.RawStoredTextAsync(), StringComparison.Ordinal);
        var fields = await KeptFieldsAsync(draft);
        Assert.Equal([("Title", "Visit notes"), ("Description", Phrase)], fields.Select(f => (f.Name, f.Value)));
        // Never logged, and the log itself was not changed.
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains("home visit", StringComparison.Ordinal));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ReflectiveLogs.Where(l => l.Id == id).Select(l => l.Version).SingleAsync()));

        // Signing in from the page the browser was sent to returns to the kept text.
        Assert.Contains("value=\"/kept-drafts\"", await browser.GetPageAsync(sent.Headers.Location!.PathAndQuery));
        var signedIn = await browser.PostFormAsync(sent.Headers.Location!.PathAndQuery, "/account/sign-in",
            [new("Email", AuthorEmail), new("Password", TestData.Password), new("ReturnUrl", "/kept-drafts")]);
        Assert.Equal("/kept-drafts", signedIn.Headers.Location!.OriginalString);
        var kept = await browser.GetPageAsync("/kept-drafts");
        Assert.Contains("We kept what you wrote", kept);
        Assert.Contains(WebUtility.HtmlEncode(Phrase), kept);
        Assert.Contains($"href=\"/reflections/{id}\">Go back to the form", kept);
        Assert.DoesNotContain("Password", kept);
    }

    [Fact]
    public async Task A_session_ended_on_the_server_keeps_the_form_too()
    {
        var author = await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);
        var (id, token) = await OpenLogAsync(browser);
        await Factory.WithDbAsync(db => new SessionRecords(db, Factory.Clock).EndAllAsync(author.Id));

        var sent = await SendLogAsync(browser, id, token, Phrase);

        Assert.Equal("/account/sign-in?ReturnUrl=%2Fkept-drafts", sent.Headers.Location!.PathAndQuery);
        Assert.Equal(author.Id, await Factory.WithDbAsync(db => db.KeptDrafts.Select(d => d.UserId).SingleAsync()));
    }

    [Fact]
    public async Task Another_person_never_sees_or_discards_a_kept_draft_and_its_author_can_discard_it()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        await Factory.CreateUserAsync(OtherEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);
        var (id, token) = await OpenLogAsync(browser);
        Factory.Clock.Advance(PastTheTimeout);
        await SendLogAsync(browser, id, token, Phrase);
        var draftId = await Factory.WithDbAsync(db => db.KeptDrafts.Select(d => d.Id).SingleAsync());

        // The other person signs in on the same computer, in the same browser, and on their own.
        await browser.SignInAsync(OtherEmail);
        var other = await Factory.SignedInAsync(OtherEmail);
        foreach (var client in new[] { browser, other })
        {
            var page = await client.GetPageAsync("/kept-drafts");
            Assert.Contains("You have no kept text.", page);
            Assert.DoesNotContain(WebUtility.HtmlEncode(Phrase), page);
            var discard = await client.PostWithTokenAsync($"/kept-drafts/{draftId}/discard", Browser.AntiforgeryToken(page), []);
            Assert.Equal(HttpStatusCode.NotFound, discard.StatusCode);
        }
        Assert.Equal(1, await Factory.WithDbAsync(db => db.KeptDrafts.CountAsync()));

        var author = await Factory.SignedInAsync(AuthorEmail);
        var discarded = await author.PostFormAsync("/kept-drafts", $"/kept-drafts/{draftId}/discard", []);
        Assert.Equal("/kept-drafts", discarded.Headers.Location!.OriginalString);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.KeptDrafts.CountAsync()));
    }

    [Fact]
    public async Task A_form_sent_without_a_genuine_sign_in_cookie_and_its_own_token_keeps_nothing()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);
        var (id, token) = await OpenLogAsync(browser);
        Factory.Clock.Advance(PastTheTimeout);

        // No cookie at all: a browser that was never signed in.
        var anonymous = Factory.CreateBrowser();
        var anonymousToken = Browser.AntiforgeryToken(await anonymous.GetPageAsync("/account/sign-in"));
        AssertSentToSignIn(await SendLogAsync(anonymous, id, anonymousToken, Phrase), keptDrafts: false);
        // A made-up cookie.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, $"/reflections/{id}") { Content = LogForm(anonymousToken, Phrase) })
        {
            forged.Headers.Add("Cookie", $"{IdentityExtensions.AuthCookieName}=CfDJ8NotARealTicket");
            AssertSentToSignIn(await anonymous.SendAsync(forged), keptDrafts: false);
        }
        // The author's expired cookie, but a token not issued to the author (one from the sign-in page).
        var signInToken = Browser.AntiforgeryToken(await browser.GetPageAsync("/account/sign-in"));
        AssertSentToSignIn(await SendLogAsync(browser, id, signInToken, Phrase), keptDrafts: false);
        // The author's expired cookie with no token.
        AssertSentToSignIn(await browser.PostAsync($"/reflections/{id}", new FormUrlEncodedContent([new("Description", Phrase)])), keptDrafts: false);
        // A form with nothing typed in it (signing out, say) keeps nothing either.
        AssertSentToSignIn(await browser.PostWithTokenAsync("/account/sign-out", token, []), keptDrafts: false);

        Assert.Equal(0, await Factory.WithDbAsync(db => db.KeptDrafts.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SendLogAsync(browser, id, token, Phrase)).StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.KeptDrafts.CountAsync()));
    }

    [Fact]
    public async Task Passwords_and_tokens_are_never_kept()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);
        var token = Browser.FormToken(await browser.GetPageAsync("/account/change-password"), "/account/change-password", "/account/change-password");
        Factory.Clock.Advance(PastTheTimeout);

        var sent = await browser.PostWithTokenAsync("/account/change-password", token,
            [new("CurrentPassword", "my current secret words"), new("NewPassword", "my new secret words"), new("ConfirmPassword", "my new secret words"),
             new("ApiToken", "a token value"), new("Note", Phrase)]);

        Assert.Equal("/account/sign-in?ReturnUrl=%2Fkept-drafts", sent.Headers.Location!.PathAndQuery);
        var fields = await KeptFieldsAsync(await Factory.WithDbAsync(db => db.KeptDrafts.AsNoTracking().SingleAsync()));
        Assert.Equal([("Note", Phrase)], fields.Select(f => (f.Name, f.Value)));
    }

    [Fact]
    public async Task Kept_drafts_expire_after_seven_days()
    {
        await Factory.CreateUserAsync(AuthorEmail, null, Roles.Learner);
        var browser = await Factory.SignedInAsync(AuthorEmail);
        var (id, token) = await OpenLogAsync(browser);
        Factory.Clock.Advance(PastTheTimeout);
        await SendLogAsync(browser, id, token, Phrase);

        Factory.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await Factory.WithDbAsync(db => Discard.DeleteExpiredAsync(db, Factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None)));
        Assert.Contains(WebUtility.HtmlEncode(Phrase), await (await Factory.SignedInAsync(AuthorEmail)).GetPageAsync("/kept-drafts"));

        Factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.DoesNotContain(WebUtility.HtmlEncode(Phrase), await (await Factory.SignedInAsync(AuthorEmail)).GetPageAsync("/kept-drafts"));
        Assert.Equal(1, await Factory.WithDbAsync(db => Discard.DeleteExpiredAsync(db, Factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None)));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.KeptDrafts.CountAsync()));
    }

    private static async Task<(Guid Id, string Token)> OpenLogAsync(HttpClient browser)
    {
        var created = await browser.PostFormAsync("/reflections", "/reflections/new", []);
        var id = Guid.Parse(created.Headers.Location!.OriginalString["/reflections/".Length..]);
        var token = Browser.FormToken(await browser.GetPageAsync($"/reflections/{id}"), $"/reflections/{id}", $"/reflections/{id}");
        return (id, token);
    }

    private static async Task<HttpResponseMessage> SendLogAsync(HttpClient browser, Guid id, string token, string description)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reflections/{id}") { Content = LogForm(token, description) };
        request.Headers.Referrer = new Uri($"https://localhost/reflections/{id}");
        return await browser.SendAsync(request);
    }

    private static FormUrlEncodedContent LogForm(string token, string description) => new(
    [
        new("__RequestVerificationToken", token), new("Version", "1"), new("Title", "Visit notes"), new("Description", description),
        new("Feelings", ""), new("Evaluation", " "), new("Password", "not a field of this form"),
    ]);

    private async Task<IReadOnlyList<KeepTypedText.Field>> KeptFieldsAsync(KeptDraft draft)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<ITextProtector>();
        return JsonSerializer.Deserialize<List<KeepTypedText.Field>>(protector.Unprotect(draft.ProtectedFields))!;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response, bool? keptDrafts = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/account/sign-in",
            $"expected a redirect to sign in, got {(int)response.StatusCode} {response.Headers.Location}");
        if (keptDrafts is { } kept)
            Assert.Equal(kept, response.Headers.Location!.Query.Contains("kept-drafts", StringComparison.Ordinal));
    }
}

/// <summary>The site with a two-minute idle timeout and a warning a minute before it.</summary>
public sealed class ShortTimeoutSqliteAppFactory : SqliteAppFactory
{
    public ShortTimeoutSqliteAppFactory()
    {
        WithSetting("Security:IdleTimeout", "00:02:00");
        WithSetting("Security:TimeoutWarning", "00:01:00");
    }
}

public sealed class ShortTimeoutPostgresAppFactory : PostgresAppFactory
{
    public ShortTimeoutPostgresAppFactory()
    {
        WithSetting("Security:IdleTimeout", "00:02:00");
        WithSetting("Security:TimeoutWarning", "00:01:00");
    }
}

public sealed class KeptDraftTestsOnSqlite(ShortTimeoutSqliteAppFactory factory) : KeptDraftTests(factory), IClassFixture<ShortTimeoutSqliteAppFactory>;
public sealed class KeptDraftTestsOnPostgres(ShortTimeoutPostgresAppFactory factory) : KeptDraftTests(factory), IClassFixture<ShortTimeoutPostgresAppFactory>;
