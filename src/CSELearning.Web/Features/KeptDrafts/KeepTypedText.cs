using System.Text.Json;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.KeptDrafts;

/// <summary>
/// A form sent after its author's session ended (idle timeout, the absolute limit, or ended on the server) would be
/// turned away to sign in and its text lost. Here, on its way to the sign-in page, the text is kept for its author:
/// the author is the person named in the sign-in cookie the browser still holds, which is trusted only because it
/// decrypts and verifies under the site's keys, belongs to an active account whose security stamp still matches, and
/// came with the form's own antiforgery token, which is bound to that person. A request with no such cookie keeps
/// nothing. Only typed text is kept (never a password, token or hidden number), encrypted as reflective text is,
/// and never logged.
/// </summary>
public static class KeepTypedText
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    public const int MaxFields = 64;
    public const string ReturnUrl = "/kept-drafts";

    public sealed record Field(string Name, string Value);

    public static IReadOnlyList<Field> Read(KeptDraft draft, ITextProtector protector) =>
        JsonSerializer.Deserialize<List<Field>>(protector.Unprotect(draft.ProtectedFields)) ?? [];

    public sealed class Handler(AppDbContext db, ITextProtector protector, TimeProvider time, AppSignInManager signIn,
        IAntiforgery antiforgery, ILogger<Handler> logger)
    {
        /// <summary>Whether a draft was kept from the request.</summary>
        public async Task<bool> TryKeepAsync(HttpContext http, CookieAuthenticationOptions options)
        {
            var request = http.Request;
            if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return false;
            if (options.Cookie.Name is not { } cookieName
                || options.CookieManager.GetRequestCookie(http, cookieName) is not { Length: > 0 } cookie
                || options.TicketDataFormat.Unprotect(cookie) is not { } ticket) return false;

            // A ticket that ran out long ago is not a session that just ended.
            var now = time.GetUtcNow();
            if (ticket.Properties.ExpiresUtc is not { } expires || now - expires > KeepFor) return false;
            var principal = ticket.Principal;
            if (await signIn.ValidateSecurityStampAsync(principal) is not { } user) return false;

            // The form's token was issued to this person: checked as if they were still signed in.
            var current = http.User;
            http.User = principal;
            try
            {
                if (!await antiforgery.IsRequestValidAsync(http)) return false;
            }
            finally
            {
                http.User = current;
            }

            var form = await request.ReadFormAsync(http.RequestAborted);
            var fields = TypedFields(form).ToList();
            if (fields.Count == 0) return false;

            var path = (request.PathBase + request.Path).Value + request.QueryString.Value;
            if (path.Length > KeptDraft.MaxPathLength) path = (request.PathBase + request.Path).Value!;
            if (path.Length > KeptDraft.MaxPathLength) return false;
            var at = now.UtcDateTime;
            // One kept draft per form page: a later send from it (an autosave, then Save) replaces the earlier one.
            var formPage = FormPage(request);
            var key = formPage ?? path;
            await db.KeptDrafts.Where(d => d.UserId == user.Id && (d.FormPage ?? d.Path) == key).ExecuteDeleteAsync(http.RequestAborted);
            db.KeptDrafts.Add(new KeptDraft(user.Id, path, formPage, protector.Protect(JsonSerializer.Serialize(fields)), at, at + KeepFor));
            await db.SaveChangesAsync(http.RequestAborted);
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("A form arrived after its session ended: {Fields} typed fields kept for the author", fields.Count);
            return true;
        }

        public IReadOnlyList<Field> Read(KeptDraft draft) => KeepTypedText.Read(draft, protector);
    }

    /// <summary>The fields worth keeping: typed text, never a password, a token or a bare number, id or yes/no.</summary>
    public static IEnumerable<Field> TypedFields(IFormCollection form) =>
        form.Where(f => IsKeepable(f.Key))
            .SelectMany(f => f.Value.Where(v => IsTyped(v)).Select(v => new Field(f.Key, v!)))
            .Take(MaxFields);

    public static bool IsKeepable(string name) =>
        !name.StartsWith("__", StringComparison.Ordinal)
        && !name.Contains("password", StringComparison.OrdinalIgnoreCase)
        && !name.Contains("token", StringComparison.OrdinalIgnoreCase)
        && !name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("ReturnUrl", StringComparison.OrdinalIgnoreCase);

    public static bool IsTyped(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && !bool.TryParse(value, out _)
        && !long.TryParse(value, out _)
        && !Guid.TryParse(value, out _);

    // The page the form was on, when the browser said and it is one of this site's.
    private static string? FormPage(HttpRequest request)
    {
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || referer.Scheme != request.Scheme) return null;
        var page = referer.PathAndQuery;
        return page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal) && !page.StartsWith("/\\", StringComparison.Ordinal)
            && page.Length <= KeptDraft.MaxPathLength ? page : null;
    }
}
