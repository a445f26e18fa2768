using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CSELearning.Web.Content;

// The one Markdig pipeline for learning content (thread-safe, shared). Content in content/ is trusted,
// reviewed source, but authored HTML is still refused by the validator: the renderer controls the markup
// (GOV.UK classes, accessibility) and the site's content security policy stays intact.
public static partial class ContentMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseTaskLists()
        .UsePreciseSourceLocation()
        .Use<CitationExtension>()
        // Generic attributes must come last: they give headings their {#id}.
        .UseGenericAttributes()
        .Build();

    // The blocks and everything in them, inlines included (Markdig's Descendants() skips a lone leaf block's inlines).
    internal static IEnumerable<Markdig.Syntax.MarkdownObject> Everything(IEnumerable<Markdig.Syntax.Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var inner = block is Markdig.Syntax.LeafBlock { Inline: { } inline } ? inline.Descendants().Prepend(inline) : block.Descendants();
            foreach (var item in inner) yield return item;
        }
    }

    // Reference keys: letters, digits, hyphens and underscores (hallett2015, sharp-jeffs-2017).
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    internal static partial Regex KeyPattern();
}

// [@key] or [@key1; @key2] in text: a citation of the module's references.
public sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<string> Keys { get; init; }

    // Set before rendering from the module's references; null for a key the module lacks.
    internal IReadOnlyList<Reference?>? Resolved { get; set; }
}

internal sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
            html.ObjectRenderers.InsertBefore<LinkInlineRenderer>(new CitationRenderer());
    }
}

internal sealed class CitationParser : InlineParser
{
    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@') return false;
        var text = slice.Text;
        var close = text.IndexOf(']', slice.Start, slice.End - slice.Start + 1);
        if (close < 0) return false;

        var keys = new List<string>();
        foreach (var part in text[(slice.Start + 1)..close].Split(';'))
        {
            var key = part.Trim();
            if (!key.StartsWith('@')) return false;
            key = key[1..];
            if (!ContentMarkdown.KeyPattern().IsMatch(key)) return false;
            keys.Add(key);
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new CitationInline
        {
            Keys = keys,
            Span = new Markdig.Syntax.SourceSpan(start, start + (close - slice.Start)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 1;
        return true;
    }
}

// Writes (Hallett, 2015; Sharp-Jeffs, Coy and Kelly, 2017), each linked to the module's reference list.
internal sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline obj)
    {
        if (obj.Resolved is null || obj.Resolved.Any(r => r is null))
        {
            renderer.WriteEscape("[@" + string.Join("; @", obj.Keys) + "]");
            return;
        }
        renderer.Write("(");
        for (var i = 0; i < obj.Resolved.Count; i++)
        {
            var reference = obj.Resolved[i]!;
            if (i > 0) renderer.Write("; ");
            renderer.Write("<a class=\"govuk-link\" href=\"#").WriteEscape(reference.Anchor).Write("\">")
                .WriteEscape(reference.ShortCitation).Write("</a>");
        }
        renderer.Write(")");
    }
}
