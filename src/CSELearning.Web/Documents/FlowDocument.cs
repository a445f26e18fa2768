using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CSELearning.Web.Documents;

// Header rows repeat on every page a table reaches, and every page carries the document's marking
// (for example "Confidential: may be disclosable").
internal sealed class FlowDocument : IDisposable
{
    public const double Margin = 50;
    private const double HeaderBand = 28;
    private const double FooterBand = 30;
    private const double CellPadding = 4;

    private static readonly XColor Ink = XColor.FromArgb(11, 12, 12);
    private static readonly XColor Muted = XColor.FromArgb(80, 90, 95);
    private static readonly XColor Rule = XColor.FromArgb(177, 180, 182);
    private static readonly XColor HeaderFill = XColor.FromArgb(243, 242, 241);

    private readonly PdfDocument _document = new();
    private readonly string? _marking;
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;

    // PDFsharp checks its licence when a document is made and needs the font resolver for the fonts below:
    // both are field initialisers, which run before any instance constructor's body, so the set-up is here.
    static FlowDocument() => Pdf.EnsureReady();

    public FlowDocument(string title, string author, string? marking)
    {
        _marking = marking;
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "CSELearning";
        _document.Language = "en-GB";
        NewPage();
    }

    public XFont Body { get; } = Font(10);
    public XFont BodyBold { get; } = Font(10, XFontStyleEx.Bold);
    public XFont Small { get; } = Font(8);
    public XFont SmallBold { get; } = Font(8, XFontStyleEx.Bold);
    private XFont TitleFont { get; } = Font(18, XFontStyleEx.Bold);
    private XFont HeadingFont { get; } = Font(13, XFontStyleEx.Bold);

    public int PageCount => _document.PageCount;

    private XGraphics Gfx => _gfx!;
    private const double Left = Margin;
    private double Width => _page!.Width.Point - 2 * Margin;
    private const double Top = Margin + HeaderBand;
    private double Bottom => _page!.Height.Point - Margin - FooterBand;

    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) => new(PdfFonts.Family, size, style);

    public static double LineHeight(XFont font) => font.Size * 1.3;

    public void Title(string text)
    {
        var lines = TextLines.Wrap(Gfx, text, TitleFont, Width);
        Lines(lines, TitleFont, Ink, Left, keepTogether: true);
        _y += 6;
    }

    public void Heading(string text)
    {
        var lines = TextLines.Wrap(Gfx, text, HeadingFont, Width);
        var need = lines.Count * LineHeight(HeadingFont) + 10 + 3 * LineHeight(Body);
        if (_y + need > Bottom && _y > Top) NewPage();
        _y += 10;
        Lines(lines, HeadingFont, Ink, Left, keepTogether: true);
        _y += 2;
    }

    public void Paragraph(string? text, XFont? font = null, bool muted = false)
    {
        font ??= Body;
        Lines(TextLines.Wrap(Gfx, string.IsNullOrWhiteSpace(text) ? "—" : text, font, Width), font, muted ? Muted : Ink, Left, keepTogether: false);
        _y += 4;
    }

    public void Field(string label, string? value)
    {
        var labelLines = TextLines.Wrap(Gfx, label, BodyBold, Width);
        if (_y + (labelLines.Count + 1) * LineHeight(Body) > Bottom) NewPage();
        Lines(labelLines, BodyBold, Ink, Left, keepTogether: true);
        Paragraph(value);
    }

    public void Space(double points) => _y = Math.Min(_y + points, Bottom);

    public sealed record Column(string Header, double Share);

    // A row taller than a page is split between pages.
    public void Table(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string?>> rows, string emptyText)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => Width * c.Share / total).ToArray();
        var lineHeight = LineHeight(Body);

        if (_y + 3 * (lineHeight + 2 * CellPadding) > Bottom) NewPage();
        DrawHeader(widths, columns);

        var any = false;
        foreach (var row in rows)
        {
            any = true;
            // A row shorter than the header leaves its last cells blank; one longer is a programming error.
            if (row.Count > columns.Count) throw new ArgumentException($"A row has {row.Count} cells for {columns.Count} columns.", nameof(rows));
            var cells = columns.Select((_, i) => TextLines.Wrap(Gfx, i < row.Count && !string.IsNullOrWhiteSpace(row[i]) ? row[i] : "—", Body, widths[i] - 2 * CellPadding)).ToArray();
            var height = cells.Max(c => c.Count);
            var from = 0;
            while (from < height)
            {
                var room = (int)Math.Floor((Bottom - _y - 2 * CellPadding) / lineHeight);
                // Start a new page rather than leave a single line of a longer row at the foot of this one.
                if (room < 1 || (room < 2 && height - from > 1))
                {
                    NewPage();
                    DrawHeader(widths, columns);
                    continue;
                }
                var count = Math.Min(room, height - from);
                DrawRow(widths, cells, from, count, Body, header: false);
                from += count;
            }
        }
        if (!any) Paragraph(emptyText, muted: true);
        _y += 6;
    }

    private void DrawHeader(double[] widths, IReadOnlyList<Column> columns)
    {
        var cells = columns.Select((c, i) => TextLines.Wrap(Gfx, c.Header, BodyBold, widths[i] - 2 * CellPadding)).ToArray();
        DrawRow(widths, cells, 0, cells.Max(c => c.Count), BodyBold, header: true);
    }

    private void DrawRow(double[] widths, List<string>[] cells, int from, int count, XFont font, bool header)
    {
        var lineHeight = LineHeight(font);
        var height = count * lineHeight + 2 * CellPadding;
        var x = Left;
        if (header) Gfx.DrawRectangle(new XSolidBrush(HeaderFill), Left, _y, Width, height);
        var pen = new XPen(Rule, 0.5);
        for (var i = 0; i < widths.Length; i++)
        {
            Gfx.DrawRectangle(pen, x, _y, widths[i], height);
            var lineY = _y + CellPadding;
            foreach (var line in cells[i].Skip(from).Take(count))
            {
                TextLines.Draw(Gfx, line, font, new XSolidBrush(Ink), new XPoint(x + CellPadding, lineY + font.Size));
                lineY += lineHeight;
            }
            x += widths[i];
        }
        _y += height;
    }

    private void Lines(List<string> lines, XFont font, XColor colour, double x, bool keepTogether)
    {
        var lineHeight = LineHeight(font);
        if (keepTogether && _y + lines.Count * lineHeight > Bottom && _y > Top) NewPage();
        var brush = new XSolidBrush(colour);
        foreach (var line in lines)
        {
            if (_y + lineHeight > Bottom) NewPage();
            TextLines.Draw(Gfx, line, font, brush, new XPoint(x, _y + font.Size));
            _y += lineHeight;
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = PageOrientation.Portrait;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Top;
        if (_marking is not null)
        {
            var font = SmallBold;
            TextLines.Draw(_gfx, _marking, font, new XSolidBrush(Ink), new XPoint(Left, Margin + font.Size));
            _gfx.DrawLine(new XPen(Rule, 0.5), Left, Margin + HeaderBand - 8, Left + Width, Margin + HeaderBand - 8);
        }
    }

    public byte[] Finish(string footer)
    {
        _gfx?.Dispose();
        _gfx = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin;
            var pageText = $"Page {i + 1} of {count}";
            var pageWidth = TextLines.Width(gfx, pageText, Small);
            var footerWidth = page.Width.Point - 2 * Margin - pageWidth - 20;
            // The band has room for two lines; anything longer is cut where a reader can see it was.
            var footerLines = TextLines.Clamp(gfx, TextLines.Wrap(gfx, footer, Small, footerWidth), Small, footerWidth, 2);
            gfx.DrawLine(new XPen(Rule, 0.5), Margin, y - FooterBand + 8, page.Width.Point - Margin, y - FooterBand + 8);
            var lineY = y - FooterBand + 10 + Small.Size;
            foreach (var line in footerLines)
            {
                TextLines.Draw(gfx, line, Small, new XSolidBrush(Muted), new XPoint(Margin, lineY));
                lineY += LineHeight(Small);
            }
            TextLines.Draw(gfx, pageText, Small, new XSolidBrush(Muted), new XPoint(page.Width.Point - Margin - pageWidth, y - FooterBand + 10 + Small.Size));
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }
}
