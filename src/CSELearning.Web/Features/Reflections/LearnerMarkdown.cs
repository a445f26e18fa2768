using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace CSELearning.Web.Features.Reflections;

// Nothing a user typed is trusted: no raw HTML or attribute-writing extension, links only to absolute http(s) and
// mailto addresses, and no <img> (an external image would tell its host who read the log, and the site's policy
// allows images from itself only). The pipeline is private so that nothing can skip ToHtml's link allowlist.
public static class LearnerMarkdown
{
    private const string LinkRel = "noopener noreferrer nofollow";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

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

    private static void ReplaceImage(LinkInline image) =>
        ReplaceBy(image, image.FirstChild is null
            ? [new LiteralInline("[image]")]
            : [new LiteralInline("[image: "), .. image.ToList(), new LiteralInline("]")]);

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

    // Read as a browser reads an href: Markdig has already decoded entities and escapes, and % cannot be part of
    // a scheme, so a percent-escaped javascript: is a relative address, which is refused anyway.
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
