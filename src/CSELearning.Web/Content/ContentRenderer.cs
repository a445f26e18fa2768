using System.Globalization;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace CSELearning.Web.Content;

// Renders every fragment of a validated module to HTML, once, with the shared pipeline and GOV.UK Frontend's
// classes, then lets go of the parsed markdown.
internal static class ContentRenderer
{
    public static void Render(ParsedModule module, List<ContentProblem> problems)
    {
        var references = module.Module.References.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var (path, markup) in ContentValidator.Fragments(module)) Render(path, markup, references, problems);
    }

    public static void Render(SitePage page, List<ContentProblem> problems) =>
        Render(page.SourcePath, page.Body, page.References.ToDictionary(r => r.Key, StringComparer.Ordinal), problems);

    // Markdig's renderer gives up on markdown nested too deeply for it, which its parser accepted.
    private static void Render(string path, Markup markup, Dictionary<string, Reference> references, List<ContentProblem> problems)
    {
        try
        {
            Render(markup, references);
        }
        catch (ArgumentException ex)
        {
            var failing = markup.Blocks.FirstOrDefault(b => !Renders(b)) ?? markup.Blocks[0];
            problems.Add(new(path, markup.LineOf(failing),
                $"the markdown could not be read ({ex.Message.TrimEnd('.')}): look for lists, quotes, emphasis or brackets nested very deeply"));
        }
    }

    private static bool Renders(Block block)
    {
        try
        {
            var renderer = new HtmlRenderer(TextWriter.Null);
            ContentMarkdown.Pipeline.Setup(renderer);
            renderer.Render(block);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Render(Markup markup, Dictionary<string, Reference> references)
    {
        if (markup.Blocks.Count == 0) return;
        foreach (var item in ContentMarkdown.Everything(markup.Blocks))
        {
            if (item is CitationInline citation)
                citation.Resolved = citation.Keys.Select(k => references.GetValueOrDefault(k)).ToList();
            else
                AddGovukClass(item);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = markup.Inline };
        ContentMarkdown.Pipeline.Setup(renderer);
        foreach (var block in markup.Blocks) renderer.Render(block);
        writer.Flush();
        markup.Html = new HtmlString(writer.ToString().Trim());
        markup.Blocks = [];
    }

    // The view sets the page's h1 (govuk-heading-l); headings in content sit below it.
    private static void AddGovukClass(MarkdownObject item)
    {
        var css = item switch
        {
            HeadingBlock { Level: 2 } => "govuk-heading-m",
            HeadingBlock => "govuk-heading-s",
            ParagraphBlock => "govuk-body",
            ListBlock { IsOrdered: true } => "govuk-list govuk-list--number",
            ListBlock => "govuk-list govuk-list--bullet",
            QuoteBlock => "govuk-inset-text",
            ThematicBreakBlock => "govuk-section-break govuk-section-break--m govuk-section-break--visible",
            Table => "govuk-table",
            LinkInline { IsImage: false } => "govuk-link",
            _ => null,
        };
        if (css is not null) item.GetAttributes().AddClass(css);
    }
}
