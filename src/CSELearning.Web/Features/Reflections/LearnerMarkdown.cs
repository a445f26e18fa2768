using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace CSELearning.Web.Features.Reflections;

/// <summary>
/// Renders markdown that a user typed (reflective logs, supervisors' notes) to HTML that is safe to show to
/// someone else. Unlike <see cref="Content.ContentMarkdown"/>, nothing here is trusted:
/// <list type="bullet">
/// <item>raw HTML is shown as text (<c>DisableHtml</c>), and no extension that writes attributes is used, so
/// <c>{onclick=...}</c> and <c>{#id .class}</c> stay text;</item>
/// <item>a link (inline, reference-style or autolink) keeps its <c>href</c> only when it is an absolute
/// <c>http:</c>, <c>https:</c> or <c>mailto:</c> address, judged the way a browser reads it; any other link,
/// including a relative or scheme-less one, becomes its plain text;</item>
/// <item>an image is never an <c>&lt;img&gt;</c> (an external image would tell its host who read the log, and the
/// site's policy allows images from itself only): it becomes the text <c>[image: alt]</c>, with no link;</item>
/// <item>headings move down two levels (<c>#</c> is <c>h3</c>, <c>##</c> is <c>h4</c>, no lower than <c>h6</c>), so
/// they sit below the page's own <c>h1</c> and <c>h2</c>;</item>
/// <item>links get <c>rel="noopener noreferrer nofollow"</c>; a bare address is not made into a link.</item>
/// </list>
/// The pipeline is private on purpose: rendering with it directly (<c>Markdown.ToHtml</c>) would skip the link
/// allowlist, so <see cref="ToHtml"/> is the only way in.
/// </summary>
public static class LearnerMarkdown
{
    private const string LinkRel = "noopener noreferrer nofollow";

    // Only CommonMark's own block and inline parsers: no extensions at all.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    // The HTML for markdown; empty for null or empty input.
    public static HtmlString ToHtml(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return HtmlString.Empty;

        var document = Markdown.Parse(markdown, Pipeline);
        // Materialised first: the loop moves and removes inlines, which the lazy walk would trip over.
        foreach (var item in document.Descendants().ToList())
        {
            switch (item)
            {
                case LinkInline { IsImage: true } image:
                    ReplaceImage(image);
                    break;
                case LinkInline link:
                    MakeSafe(link);
                    break;
                case AutolinkInline autolink:
                    MakeSafe(autolink);
                    break;
                case HeadingBlock heading:
                    heading.Level = Math.Min(heading.Level + 2, 6);
                    AddClass(heading, "govuk-heading-s");
                    break;
                default:
                    AddGovukClass(item);
                    break;
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString().Trim());
    }

    private static void MakeSafe(LinkInline link)
    {
        // Only extensions set a dynamic URL; clearing it means the renderer writes the URL that was checked.
        link.GetDynamicUrl = null;
        var url = AllowedUrl(link.Url);
        if (url is null)
        {
            Unwrap(link);
            return;
        }
        link.Url = url;
        AddClass(link, "govuk-link");
        link.GetAttributes().AddProperty("rel", LinkRel);
    }

    private static void MakeSafe(AutolinkInline autolink)
    {
        // <someone@example.org> is parsed as an email address and rendered as mailto: by Markdig.
        var url = autolink.IsEmail ? autolink.Url : AllowedUrl(autolink.Url);
        if (url is null)
        {
            ReplaceBy(autolink, [new LiteralInline(autolink.Url)]);
            return;
        }
        autolink.Url = url;
        AddClass(autolink, "govuk-link");
        autolink.GetAttributes().AddProperty("rel", LinkRel);
    }

    // The alt text is kept as the author's words; the address is dropped, not linked.
    private static void ReplaceImage(LinkInline image) =>
        ReplaceBy(image, image.FirstChild is null
            ? [new LiteralInline("[image]")]
            : [new LiteralInline("[image: "), .. image.ToList(), new LiteralInline("]")]);

    // A refused link keeps its label, emphasis and all, as ordinary text in the same place.
    private static void Unwrap(LinkInline link) => ReplaceBy(link, link.ToList());

    // Each inline goes in after the last (InsertAfter keeps both sibling links right), then the old one leaves.
    private static void ReplaceBy(Inline old, IEnumerable<Inline> inlines)
    {
        var last = old;
        foreach (var inline in inlines)
        {
            inline.Remove();
            last.InsertAfter(inline);
            last = inline;
        }
        old.Remove();
    }

    // The URL to write if it is an absolute http, https or mailto address, otherwise null. The scheme is read
    // as a browser reads an href: Markdig has already decoded entities and backslash escapes (the
    // browser decodes the ones the renderer writes back, so it sees this same string), then leading and
    // trailing control characters and spaces are trimmed and tabs and newlines anywhere removed. No further
    // decoding is needed: % cannot be part of a scheme, so a percent-escaped javascript: is a
    // relative address to a browser, and relative addresses are refused anyway.
    private static string? AllowedUrl(string? url)
    {
        if (url is null) return null;
        var href = AsBrowserReadsIt(url);
        return SchemeOf(href) switch
        {
            "http" or "https" => Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? href : null,
            "mailto" => href.Length > "mailto:".Length ? href : null,
            _ => null,
        };
    }

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static string? SchemeOf(string href)
    {
        var colon = href.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var scheme = href[..colon];
        return AllowedSchemes.FirstOrDefault(allowed => scheme.Equals(allowed, StringComparison.OrdinalIgnoreCase));
    }

    // The URL standard: strip leading and trailing C0 controls and spaces, then remove every tab and newline.
    private static string AsBrowserReadsIt(string url) =>
        url.Trim(C0ControlsAndSpace).Replace("\t", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    private static readonly char[] C0ControlsAndSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();

    // The view sets the page's h1 and h2; learner headings are demoted in ToHtml.
    private static void AddGovukClass(MarkdownObject item)
    {
        var css = item switch
        {
            ParagraphBlock => "govuk-body",
            ListBlock { IsOrdered: true } => "govuk-list govuk-list--number",
            ListBlock => "govuk-list govuk-list--bullet",
            QuoteBlock => "govuk-inset-text",
            ThematicBreakBlock => "govuk-section-break govuk-section-break--m govuk-section-break--visible",
            _ => null,
        };
        if (css is not null) AddClass(item, css);
    }

    private static void AddClass(MarkdownObject item, string css) => item.GetAttributes().AddClass(css);
}
