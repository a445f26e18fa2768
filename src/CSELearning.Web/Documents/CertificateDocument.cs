using System.Globalization;
using CSELearning.Web.Domain.Certificates;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace CSELearning.Web.Documents;

// Everything printed comes from the certificate's own fields, fixed when it was issued.
internal static class CertificateDocument
{
    public static readonly XSize PageSize = new(842, 595); // A4 landscape, in points
    private const double Frame = 24;
    private const double ContentLeft = 72;
    private static readonly double ContentWidth = PageSize.Width - 2 * ContentLeft;
    private const double QrSize = 92;

    private static readonly XColor Ink = XColor.FromArgb(11, 12, 12);
    private static readonly XColor Muted = XColor.FromArgb(80, 90, 95);
    private static readonly XColor Accent = XColor.FromArgb(29, 112, 184);

    public enum Part { Issuer, Heading, Certifies, Name, Completed, Title, Version, Detail, Verify, QrCode, ValidUntil }

    public sealed record Block(Part Part, XRect Box, XFont Font, IReadOnlyList<string> Lines, bool Centred, XColor Colour);

    public static byte[] Render(Certificate certificate, string verificationUrl)
    {
        Pdf.EnsureReady();
        using var document = new PdfDocument();
        document.Info.Title = $"Certificate {certificate.Number}: {certificate.ModuleTitle}";
        document.Info.Author = certificate.PartnershipName ?? "CSELearning";
        document.Info.Creator = "CSELearning";
        document.Language = "en-GB";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            DrawFrame(gfx);
            foreach (var block in Layout(gfx, certificate, verificationUrl))
            {
                if (block.Part == Part.QrCode) DrawQrCode(gfx, verificationUrl, block.Box);
                else DrawBlock(gfx, block);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    // At the smallest size the name and title may take four lines (a 200-character name, the longest an
    // account may have, needs three); beyond that they are cut with an ellipsis rather than pushed off the page.
    // Public so tests can check that nothing leaves the frame or overlaps.
    public static IReadOnlyList<Block> Layout(XGraphics gfx, Certificate certificate, string verificationUrl)
    {
        var blocks = new List<Block>();
        var y = 58.0;

        Block Add(Part part, string text, XFont font, int maxLines, bool centred = true, XColor? colour = null, double width = 0, double x = ContentLeft)
        {
            width = width == 0 ? ContentWidth : width;
            var lines = TextLines.Wrap(gfx, text, font, width);
            return Place(part, lines.Take(maxLines).ToList(), font, x, width, centred, colour ?? Ink);
        }

        Block Place(Part part, IReadOnlyList<string> lines, XFont font, double x, double width, bool centred, XColor colour)
        {
            var height = lines.Count * FlowDocument.LineHeight(font);
            var block = new Block(part, new XRect(x, y, width, height), font, lines, centred, colour);
            blocks.Add(block);
            y += height;
            return block;
        }

        var issuer = TextLines.Fit(gfx, IssuerLine(certificate), XFontStyleEx.Bold, 13, 9, ContentWidth, 2);
        Place(Part.Issuer, issuer.Lines, issuer.Font, ContentLeft, ContentWidth, true, Muted);
        y += 14;
        Add(Part.Heading, "Certificate of completion", FlowDocument.Font(30, XFontStyleEx.Bold), 1, colour: Accent);
        y += 14;
        Add(Part.Certifies, "This is to certify that", FlowDocument.Font(12), 1);
        y += 6;
        var name = TextLines.Fit(gfx, certificate.LearnerName, XFontStyleEx.Bold, 34, 14, ContentWidth, 2);
        Place(Part.Name, TextLines.Clamp(gfx, name.Lines, name.Font, ContentWidth, 4), name.Font, ContentLeft, ContentWidth, true, Ink);
        y += 6;
        Add(Part.Completed, "has completed the e-learning module", FlowDocument.Font(12), 1);
        y += 6;
        var title = TextLines.Fit(gfx, certificate.ModuleTitle, XFontStyleEx.Bold, 22, 11, ContentWidth, 2);
        Place(Part.Title, TextLines.Clamp(gfx, title.Lines, title.Font, ContentWidth, 4), title.Font, ContentLeft, ContentWidth, true, Ink);
        Add(Part.Version, $"Version {certificate.ModuleVersion}", FlowDocument.Font(10), 1, colour: Muted);
        if (certificate.ValidUntil is { } validUntil)
            Add(Part.ValidUntil, $"Valid until {Day(validUntil)}", FlowDocument.Font(10, XFontStyleEx.Bold), 1);
        y += 18;

        var details = new (string Label, string Value)[]
        {
            ("Completed on", Day(certificate.CompletedOn)),
            ("Score", $"{certificate.ScorePercent}%"),
            ("CPD hours", certificate.CpdHours.ToString("0.##", CultureInfo.InvariantCulture)),
            ("Certificate number", certificate.Number),
        };
        var detailWidth = ContentWidth / details.Length;
        var top = y;
        var bottom = y;
        for (var i = 0; i < details.Length; i++)
        {
            y = top;
            Add(Part.Detail, details[i].Label, FlowDocument.Font(9), 1, colour: Muted, width: detailWidth - 8, x: ContentLeft + i * detailWidth + 4);
            // One line each, made smaller where needed: a certificate number of wide letters ("CSE-2026-WWMWWMWW")
            // is wider than its column at the usual size and would otherwise break in two.
            var value = TextLines.Fit(gfx, details[i].Value, XFontStyleEx.Bold, 13, 9, detailWidth - 8, 1);
            Place(Part.Detail, TextLines.Clamp(gfx, value.Lines, value.Font, detailWidth - 8, 2), value.Font, ContentLeft + i * detailWidth + 4, detailWidth - 8, true, Ink);
            bottom = Math.Max(bottom, y);
        }

        // The verification address and QR code sit at the foot of the frame, whatever the height above.
        var qrTop = PageSize.Height - Frame - 16 - QrSize;
        blocks.Add(new Block(Part.QrCode, new XRect(PageSize.Width - ContentLeft - QrSize, qrTop, QrSize, QrSize), FlowDocument.Font(8), [], false, Ink));
        y = Math.Max(bottom + 12, qrTop + 20);
        var verifyWidth = ContentWidth - QrSize - 24;
        Add(Part.Verify, "Check that this certificate is valid by scanning the code or visiting:", FlowDocument.Font(9), 2, centred: false, colour: Muted, width: verifyWidth);
        Add(Part.Verify, verificationUrl, FlowDocument.Font(9, XFontStyleEx.Bold), 3, centred: false, width: verifyWidth);
        return blocks;
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string IssuerLine(Certificate certificate) =>
        certificate.PartnershipName is { Length: > 0 } partnership ? $"Issued by {partnership}" : "Issued by CSELearning";

    private static void DrawFrame(XGraphics gfx)
    {
        gfx.DrawRectangle(new XPen(Accent, 3), Frame, Frame, PageSize.Width - 2 * Frame, PageSize.Height - 2 * Frame);
        gfx.DrawRectangle(new XPen(Accent, 0.75), Frame + 6, Frame + 6, PageSize.Width - 2 * Frame - 12, PageSize.Height - 2 * Frame - 12);
    }

    private static void DrawBlock(XGraphics gfx, Block block)
    {
        var brush = new XSolidBrush(block.Colour);
        var lineHeight = FlowDocument.LineHeight(block.Font);
        var y = block.Box.Y;
        foreach (var line in block.Lines)
        {
            var x = block.Centred ? block.Box.X + (block.Box.Width - TextLines.Width(gfx, line, block.Font)) / 2 : block.Box.X;
            TextLines.Draw(gfx, line, block.Font, brush, new XPoint(x, y + block.Font.Size));
            y += lineHeight;
        }
    }

    // The QR code drawn as vector squares (crisp at any zoom, and quicker than an embedded image).
    private static void DrawQrCode(XGraphics gfx, string text, XRect box)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = box.Width / matrix.Count;
        var brush = new XSolidBrush(XColors.Black);
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column]) { column++; continue; }
                var start = column;
                while (column < bits.Length && bits[column]) column++;
                // Runs of dark modules as one rectangle each, slightly overlapping so no hairline gaps show.
                gfx.DrawRectangle(brush, box.X + start * size, box.Y + row * size, (column - start) * size + 0.05, size + 0.05);
            }
        }
    }
}
