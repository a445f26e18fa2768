using System.Net;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CSELearning.Web.Content;

// Which addresses a link or image in content may have: web and email addresses, phone numbers, a heading
// on the page and pages of the site. Anything else (javascript:, data:, file:) would run or fetch something
// the site never meant to, so it is refused however it is disguised.
internal static class LinkRules
{
    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "https", "http", "mailto", "tel" };

    // The link's address and what to call it in a problem, for anything in markdown that has one.
    public static (string Url, string What)? LinkOf(MarkdownObject item) => item switch
    {
        LinkInline { IsImage: true } image => (image.Url ?? "", "image"),
        LinkInline link => (link.Url ?? "", "link"),
        AutolinkInline { IsEmail: false } autolink => (autolink.Url ?? "", "link"),
        LinkReferenceDefinition definition => (definition.Url ?? "", "link"),
        _ => null,
    };

    public static bool IsAllowed(string url)
    {
        var plain = Plain(url);
        if (plain.Length == 0 || plain[0] == '#') return true;
        // "//host/page" and "\\host" leave the site without saying how.
        if (plain.StartsWith("//", StringComparison.Ordinal) || plain.StartsWith('\\') || plain.StartsWith("/\\", StringComparison.Ordinal)) return false;
        var colon = plain.IndexOf(':', StringComparison.Ordinal);
        var pathStart = plain.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon)) return true; // a page of the site
        return AllowedSchemes.Contains(plain[..colon]);
    }

    // The address as a browser would read it, and then some: entities and percent-escapes decoded until
    // nothing changes, and every space and control character taken out, since browsers skip them.
    private static string Plain(string url)
    {
        var plain = url;
        for (var i = 0; i < 5; i++)
        {
            var decoded = Uri.UnescapeDataString(WebUtility.HtmlDecode(plain));
            if (decoded == plain) break;
            plain = decoded;
        }
        return string.Concat(plain.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\uFEFF')));
    }

    public static string Problem(string url, string what) =>
        $"the {what} to '{Shorten(url)}' is not an address the site allows: use https:, http:, mailto: or tel:, a heading on the page (#an-id) or a page of the site (/support)";

    private static string Shorten(string url)
    {
        var printable = string.Concat(url.Select(c => char.IsControl(c) ? '?' : c));
        return printable.Length <= 60 ? printable : printable[..60] + "...";
    }
}
