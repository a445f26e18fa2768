using CSELearning.Tests.Shared;
using CSELearning.UnitTests.Content;
using CSELearning.Web.Documents;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;

namespace CSELearning.UnitTests.Documents;

public partial class CertificateDocumentTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);
    private const string Url = "https://learning.example.org/verify/ABCDEFGHJKMNPQRSTUVW";

    /// <summary>Names from Irish, Welsh, Polish, Vietnamese and Turkish, with the letters that catch fonts out.</summary>
    public static TheoryData<string> Names => new()
    {
        "Zoë Ní Bhriain",
        "Siân Ó Briain",
        "Gwenllian ap Ŵyn",
        "Łucja Żółkiewska-Ślęzak",
        "Nguyễn Thị Hồng Ánh",
        "Çağla Gündoğdu İşçi",
    };

    internal static Certificate Issue(string name = "Siân Ó Briain", string title = "Sample module", string? partnership = "Riverside Safeguarding Partnership", int score = 90,
        int? refreshMonths = null)
    {
        var sample = new SampleModule().Replace("module.md", "title: Sample module", "title: " + title);
        if (refreshMonths is { } months) sample = sample.Replace("module.md", "cpd_hours: 0.5", $"cpd_hours: 0.5\nrefresh_months: {months}");
        var module = sample.LoadValid();
        var progress = new ModuleProgress(Guid.CreateVersion7(), module, 1, Now.AddMinutes(-30));
        var completion = progress.Complete(module, score, Now);
        return new Certificate(completion, module, name, partnership, Now);
    }

    [Fact]
    public void The_certificate_prints_every_field_it_certifies()
    {
        var certificate = Issue();

        var pdf = new PdfFile(CertificateDocument.Render(certificate, Url));

        var text = pdf.Text;
        Assert.Contains("Issued by Riverside Safeguarding Partnership", text);
        Assert.Contains("Certificate of completion", text);
        Assert.Contains("This is to certify that Siân Ó Briain has completed the e-learning module Sample module Version 1.1.0", text);
        // The four details sit side by side, labels above values, so a reader takes the labels first.
        Assert.Contains($"Completed on Score CPD hours Certificate number 21 November 2026 90% 0.5 {certificate.Number}", text);
        Assert.EndsWith("Check that this certificate is valid by scanning the code or visiting: " + Url, text);
        Assert.StartsWith("Certificate " + certificate.Number, pdf.Title);
    }

    [Fact]
    public void A_certificate_number_of_the_widest_letters_stays_on_one_line()
    {
        var certificate = Issue();
        typeof(Certificate).GetProperty(nameof(Certificate.Number))!.SetValue(certificate, "CSE-2026-WWMWWMWW");

        var number = Assert.Single(Layout(certificate), b => b.Part == CertificateDocument.Part.Detail && b.Lines.Any(l => l.Contains("WW", StringComparison.Ordinal)));

        Assert.Equal(["CSE-2026-WWMWWMWW"], number.Lines);
        Assert.Contains("Certificate number 21 November 2026 90% 0.5 CSE-2026-WWMWWMWW", new PdfFile(CertificateDocument.Render(certificate, Url)).Text);
    }

    [Fact]
    public void A_certificate_that_expires_prints_the_last_day_it_is_valid_under_the_version()
    {
        var certificate = Issue(refreshMonths: 24);

        var text = new PdfFile(CertificateDocument.Render(certificate, Url)).Text;

        Assert.Equal(new DateOnly(2028, 11, 21), certificate.ValidUntil);
        Assert.Contains("Sample module Version 1.1.0 Valid until 21 November 2028 Completed on", text);
        Assert.DoesNotContain("Valid until", new PdfFile(CertificateDocument.Render(Issue(), Url)).Text);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Latin_extended_names_print_as_written_in_an_embedded_font(string name)
    {
        var pdf = new PdfFile(CertificateDocument.Render(Issue(name), Url));

        Assert.Contains("certify that " + name + " has completed", pdf.Text);
        Assert.NotEmpty(pdf.Fonts);
        Assert.All(pdf.Fonts, font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
        Assert.All(pdf.Fonts, font => Assert.Contains("+DejaVu Sans", font.Name)); // a subset of the shipped face
    }

    [Fact]
    public void A_certificate_is_a_single_landscape_A4_page()
    {
        var pdf = new PdfFile(CertificateDocument.Render(Issue(), Url));

        Assert.Equal(1, pdf.Pages);
        Assert.Equal("842 x 595 pts (A4)", pdf.PageSize);
        // Rendered at 72 dpi a point is a pixel: 842 by 595, wider than tall.
        var (width, height, _) = pdf.RenderPng(1, 72);
        Assert.Equal((842, 595), (width, height));
    }

    [Fact]
    public void The_QR_code_is_drawn_where_the_layout_puts_it()
    {
        var certificate = Issue();
        var box = Assert.Single(Layout(certificate), b => b.Part == CertificateDocument.Part.QrCode).Box;

        var gray = RenderGray(CertificateDocument.Render(certificate, Url));

        // About half of a QR code's modules are dark; the three finder squares make its corners solid.
        // The code's matrix has a four-module quiet zone; each finder square's 3x3 centre starts two modules in.
        using var generator = new QRCoder.QRCodeGenerator();
        var modules = generator.CreateQrCode(Url, QRCoder.QRCodeGenerator.ECCLevel.M).ModuleMatrix.Count;
        var size = box.Width / modules;
        Assert.InRange(Darkness(gray, box), 0.3, 0.7);
        Assert.True(Darkness(gray, new XRect(box.X + 6.2 * size, box.Y + 6.2 * size, 2 * size, 2 * size)) > 0.9, "top-left finder square missing");
        Assert.True(Darkness(gray, new XRect(box.Right - 8.8 * size, box.Y + 6.2 * size, 2 * size, 2 * size)) > 0.9, "top-right finder square missing");
        Assert.True(Darkness(gray, new XRect(box.X + 6.2 * size, box.Bottom - 8.8 * size, 2 * size, 2 * size)) > 0.9, "bottom-left finder square missing");
        Assert.True(Darkness(gray, new XRect(box.Right - 8.8 * size, box.Bottom - 8.8 * size, 2 * size, 2 * size)) < 0.9, "a finder square where none belongs");
        // Beside the code, inside the frame, the page is blank.
        Assert.True(Darkness(gray, new XRect(box.X - 30, box.Y - 30, 20, 20)) < 0.01);
    }

    [Theory]
    [InlineData(30, 30, false)]
    [InlineData(200, 30, false)]   // the longest name an account may have
    [InlineData(30, 200, false)]
    [InlineData(200, 400, false)]
    [InlineData(30, 30, true)]     // with the extra line that says when it expires
    [InlineData(200, 400, true)]
    public void Long_names_and_titles_stay_inside_the_frame_without_overlapping(int nameLength, int titleLength, bool expires)
    {
        var certificate = Issue(Words("Nguyễn Łucja Siân", nameLength), Words("Recognising grooming and exploitation", titleLength), Words("Partnership", 200),
            refreshMonths: expires ? 120 : null);
        Assert.Equal(expires, certificate.ValidUntil is not null);

        var blocks = Layout(certificate);

        var frame = new XRect(30, 30, 842 - 60, 595 - 60);
        foreach (var block in blocks)
        {
            Assert.True(frame.Contains(block.Box), $"{block.Part} at {block.Box} leaves the frame");
            Assert.All(block.Lines, line => Assert.True(MeasuredWidth(line, block.Font) <= block.Box.Width + 0.01, $"{block.Part} line '{line}' is wider than its box"));
        }
        for (var i = 0; i < blocks.Count; i++)
            for (var j = i + 1; j < blocks.Count; j++)
                Assert.False(blocks[i].Box.IntersectsWith(blocks[j].Box) && Overlap(blocks[i].Box, blocks[j].Box) > 0.5,
                    $"{blocks[i].Part} at {blocks[i].Box} overlaps {blocks[j].Part} at {blocks[j].Box}");
        Assert.Equal(1, new PdfFile(CertificateDocument.Render(certificate, Url)).Pages);
    }

    [Fact]
    public void A_name_of_the_longest_length_an_account_allows_is_printed_whole()
    {
        var name = Words("Gwenllian Ní Bhriain", 200);
        var pdf = new PdfFile(CertificateDocument.Render(Issue(name), Url));

        Assert.Contains("certify that " + name + " has completed", pdf.Text);
    }

    [Fact]
    public void A_short_name_is_set_large_and_a_long_one_smaller()
    {
        var shortName = Assert.Single(Layout(Issue("Ann Lee")), b => b.Part == CertificateDocument.Part.Name);
        var longName = Assert.Single(Layout(Issue(Words("Gwenllian Ní Bhriain", 200))), b => b.Part == CertificateDocument.Part.Name);

        Assert.Equal(34, shortName.Font.Size);
        Assert.Single(shortName.Lines);
        Assert.True(longName.Font.Size < 20, $"a 200-character name was set at {longName.Font.Size} pt");
    }

    [Fact]
    public void Text_too_long_for_its_lines_is_cut_with_an_ellipsis()
    {
        var title = Assert.Single(Layout(Issue(title: Words("Building trust", 2000))), b => b.Part == CertificateDocument.Part.Title);

        Assert.Equal(4, title.Lines.Count);
        Assert.EndsWith("…", title.Lines[^1]);
    }

    [Fact]
    public void Without_a_partnership_the_platform_is_named_as_issuer()
    {
        Assert.Contains("Issued by CSELearning", new PdfFile(CertificateDocument.Render(Issue(partnership: null), Url)).Text);
    }

    /// <summary>
    /// Names in twelve scripts and spellings, each with the Tesseract language that reads it: accents stacked two
    /// high (Vietnamese), the same name typed with separate accents, Greek, Russian and Serbian Cyrillic, Arabic
    /// (joined letters, right to left) and Hebrew (right to left).
    /// </summary>
    public static TheoryData<string, string> NamesInScripts => new()
    {
        { "Nguyễn Thị Minh Khai", "vie" },
        { "Nguye\u0302\u0303n Văn Ấn", "vie" },
        { "Trần Hữu Phước", "vie" },
        { "Ελένη Παπαδοπούλου", "ell" },
        { "Алексей Иванов", "rus" },
        { "Мирослав Ђорђевић", "srp" },
        { "محمد عبد الله", "ara" },
        { "فاطمة الزهراء", "ara" },
        { "שרה כהן", "heb" },
        { "יוסף בן דוד", "heb" },
        { "Łucja Żółkiewska-Ślęzak", "pol" },
        { "Çağla Gündoğdu İşçi", "tur" },
        { "Siobhán Ní Bhriain", "gle" },
        { "Gwenllian ap Ŵyn", "cym" },
    };

    // Read from the drawn page by OCR, since the text layer can hold a letter the page does not show.
    [Theory]
    [MemberData(nameof(NamesInScripts))]
    public void Each_name_is_drawn_on_the_page_exactly_as_it_is_held(string name, string language)
    {
        var certificate = Issue(name);
        var pdf = new PdfFile(CertificateDocument.Render(certificate, Url));
        var box = Assert.Single(Layout(certificate), b => b.Part == CertificateDocument.Part.Name).Box;

        var drawn = pdf.ReadDrawnLine(1, box.X, box.Y - 4, box.Width, box.Height + 8, language);

        Assert.Equal(name.Normalize(NormalizationForm.FormC), drawn);
        // The text layer holds the same name in reading order (joined Arabic forms read as their letters).
        var text = BidiMarks().Replace(pdf.Text.Normalize(NormalizationForm.FormKC), "");
        Assert.Contains($"This is to certify that {name.Normalize(NormalizationForm.FormKC)} has completed", text);
    }

    [Theory]
    [InlineData("Zoë 😀 Smith")]
    [InlineData("Zoë 👩🏽‍👩🏽‍👧 Smith")]
    [InlineData("Zoë \U0001F1EC\U0001F1E7 Smith")]
    public void An_emoji_is_drawn_as_one_replacement_mark_never_an_empty_box(string name)
    {
        var withEmoji = Issue(name);
        var withMark = Issue("Zoë \uFFFD Smith");
        var box = Assert.Single(Layout(withMark), b => b.Part == CertificateDocument.Part.Name).Box;

        var drawn = new PdfFile(CertificateDocument.Render(withEmoji, Url)).RenderBox(1, box.X, box.Y, box.Width, box.Height);

        Assert.Equal(new PdfFile(CertificateDocument.Render(withMark, Url)).RenderBox(1, box.X, box.Y, box.Width, box.Height), drawn);
        Assert.NotEqual(new PdfFile(CertificateDocument.Render(Issue("Zoë Smith"), Url)).RenderBox(1, box.X, box.Y, box.Width, box.Height), drawn);
        Assert.Contains("This is to certify that Zoë \uFFFD Smith has completed", new PdfFile(CertificateDocument.Render(withEmoji, Url)).Text);
    }

    [GeneratedRegex("[\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex BidiMarks();

    private static List<CertificateDocument.Block> Layout(Certificate certificate)
    {
        Pdf.EnsureReady();
        using var gfx = XGraphics.CreateMeasureContext(CertificateDocument.PageSize, XGraphicsUnit.Point, XPageDirection.Downwards);
        return CertificateDocument.Layout(gfx, certificate, Url).ToList();
    }

    private static double MeasuredWidth(string text, XFont font)
    {
        using var gfx = XGraphics.CreateMeasureContext(CertificateDocument.PageSize, XGraphicsUnit.Point, XPageDirection.Downwards);
        return gfx.MeasureString(text, font).Width;
    }

    private static double Overlap(XRect a, XRect b)
    {
        var r = XRect.Intersect(a, b);
        return r.IsEmpty ? 0 : r.Width * r.Height;
    }

    private static string Words(string words, int length)
    {
        var text = string.Join(' ', Enumerable.Repeat(words, length / words.Length + 1));
        return text[..length].TrimEnd();
    }

    /// <summary>The page rendered in grey at 72 dpi (a pixel a point) as a PGM: width, height, one byte a pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) RenderGray(byte[] pdf)
    {
        var directory = Directory.CreateTempSubdirectory("cselearning-qr-");
        try
        {
            var path = Path.Combine(directory.FullName, "c.pdf");
            File.WriteAllBytes(path, pdf);
            using (var process = System.Diagnostics.Process.Start("pdftoppm", $"-gray -r 72 -singlefile \"{path}\" \"{Path.Combine(directory.FullName, "c")}\""))
                process.WaitForExit();
            var bytes = File.ReadAllBytes(Path.Combine(directory.FullName, "c.pgm"));
            // Header: "P5\n<width> <height>\n255\n", then the pixels.
            var fields = new List<string>();
            var at = 0;
            while (fields.Count < 4)
            {
                var start = at;
                while (!char.IsWhiteSpace((char)bytes[at])) at++;
                fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
                at++;
            }
            Assert.Equal("P5", fields[0]);
            return (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), bytes[at..]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double Darkness((int Width, int Height, byte[] Pixels) image, XRect box)
    {
        int dark = 0, all = 0;
        for (var y = (int)box.Top; y < (int)box.Bottom; y++)
            for (var x = (int)box.Left; x < (int)box.Right; x++)
            {
                all++;
                if (image.Pixels[y * image.Width + x] < 128) dark++;
            }
        return (double)dark / all;
    }
}
