using PdfSharp.Drawing;

namespace CSELearning.Web.Documents;

// A word wider than the whole width (a long email address) is broken between characters rather than
// allowed to run off the page.
internal static class TextLines
{
    public static List<string> Wrap(XGraphics gfx, string? text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Plain(text).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(gfx, candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Width(gfx, line, font) > width && line.Length > 1)
                {
                    var fits = LongestPrefix(gfx, line, font, width);
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    // At the smallest size the text takes as many lines as it needs; the caller decides what room to give it.
    public static (XFont Font, List<string> Lines) Fit(XGraphics gfx, string text, XFontStyleEx style, double largest, double smallest, double width, int maxLines)
    {
        for (var size = largest; size > smallest; size -= 0.5)
        {
            var font = new XFont(PdfFonts.Family, size, style);
            var lines = Wrap(gfx, text, font, width);
            if (lines.Count <= maxLines) return (font, lines);
        }
        var small = new XFont(PdfFonts.Family, smallest, style);
        return (small, Wrap(gfx, text, small, width));
    }

    // The last line kept ends with an ellipsis, so a reader can see that the text was cut.
    public static List<string> Clamp(XGraphics gfx, List<string> lines, XFont font, double width, int maxLines)
    {
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && Width(gfx, last + "…", font) > width) last = last[..^1];
        kept[^1] = last.TrimEnd() + "…";
        return kept;
    }

    // Control characters (a pasted tab, a stray bell) become spaces, since the font has no glyph for them.
    public static string Plain(string? text)
    {
        var unified = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return string.Create(unified.Length, unified, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] == '\n' ? '\n' : char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        });
    }

    // Measured and drawn as it will be seen (see DrawnText): joined Arabic letters, right-to-left runs in order.
    public static double Width(XGraphics gfx, string text, XFont font) => gfx.MeasureString(DrawnText.Visual(text), font).Width;

    public static void Draw(XGraphics gfx, string line, XFont font, XBrush brush, XPoint baseline) =>
        gfx.DrawString(DrawnText.Visual(line), font, brush, baseline, XStringFormats.Default);

    private static int LongestPrefix(XGraphics gfx, string word, XFont font, double width)
    {
        // Binary search for the longest prefix that fits; at least one character so the loop always advances.
        int low = 1, high = word.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Width(gfx, word[..mid], font) <= width) low = mid; else high = mid - 1;
        }
        // Never split a surrogate pair.
        if (low < word.Length && char.IsLowSurrogate(word[low]) && low > 1) low--;
        return low;
    }
}
