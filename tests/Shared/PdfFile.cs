using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CSELearning.Tests.Shared;

/// <summary>
/// Reads a generated PDF back with Poppler's command-line tools (installed by scripts/test.sh): an
/// independent reader, so a test sees what a PDF viewer would, not what the generator meant to write.
/// </summary>
public sealed partial class PdfFile
{
    private readonly byte[] _bytes;

    public PdfFile(byte[] bytes)
    {
        Assert.True(bytes.Length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F', "Not a PDF: it does not start with %PDF.");
        _bytes = bytes;
    }

    /// <summary>The text in reading order, with runs of white space (line breaks included) made single spaces.</summary>
    public string Text => Spaces().Replace(Run("pdftotext", "-enc UTF-8 {0} -"), " ").Trim();

    /// <summary>The text of one page (1-based), spaces normalised as in <see cref="Text"/>.</summary>
    public string PageText(int page) => Spaces().Replace(Run("pdftotext", $"-enc UTF-8 -f {page} -l {page} {{0}} -"), " ").Trim();

    public int Pages => int.Parse(Info("Pages"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>pdfinfo's page size, for example "841.89 x 595.276 pts (A4)".</summary>
    public string PageSize => Info("Page size");

    public string Title => Info("Title");

    /// <summary>pdffonts' table: one line per font, with whether it is embedded.</summary>
    public IReadOnlyList<(string Name, bool Embedded)> Fonts
    {
        get
        {
            // The second line is dashes under each column: their widths cut the rows into fields.
            var lines = Run("pdffonts", "{0}").Split('\n');
            var nameWidth = lines[1].IndexOf(' ', StringComparison.Ordinal);
            return lines.Skip(2).Where(l => l.Trim().Length > 0)
                .Select(l => (l[..nameWidth].Trim(), l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5] == "yes"))
                .ToList();
        }
    }

    /// <summary>Renders page <paramref name="page"/> to PNG at <paramref name="dpi"/> and returns its pixel size.</summary>
    public (int Width, int Height, byte[] Png) RenderPng(int page, int dpi)
    {
        var directory = Directory.CreateTempSubdirectory("cselearning-pdf-");
        try
        {
            var pdf = Path.Combine(directory.FullName, "document.pdf");
            File.WriteAllBytes(pdf, _bytes);
            Execute("pdftoppm", $"-png -r {dpi} -f {page} -l {page} -singlefile \"{pdf}\" \"{Path.Combine(directory.FullName, "page")}\"");
            var png = File.ReadAllBytes(Path.Combine(directory.FullName, "page.png"));
            // PNG: 8-byte signature, then the IHDR chunk whose data starts with big-endian width and height.
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Reads back what is drawn (not the text layer) in a box of page <paramref name="page"/>, given in points
    /// from the top left, by rendering it with pdftoppm at 300 dpi and reading that image with Tesseract OCR in
    /// the given language (Tesseract's code, for example "vie" or "ara"). The box should hold one line of text.
    /// </summary>
    public string ReadDrawnLine(int page, double x, double y, double width, double height, string language) =>
        WithBoxImage(page, x, y, width, height, dpi: 300, image =>
        {
            // --psm 7: the image is a single line of text.
            var read = Execute("tesseract", $"\"{image}\" - -l {language} --psm 7");
            return Spaces().Replace(read, " ").Trim().Normalize(System.Text.NormalizationForm.FormC);
        });

    /// <summary>The pixels of a box of page <paramref name="page"/> (points from the top left) rendered at 150 dpi, as PNG bytes.</summary>
    public byte[] RenderBox(int page, double x, double y, double width, double height) =>
        WithBoxImage(page, x, y, width, height, dpi: 150, File.ReadAllBytes);

    private T WithBoxImage<T>(int page, double x, double y, double width, double height, int dpi, Func<string, T> read)
    {
        int Pixels(double points) => (int)Math.Round(points * dpi / 72);
        var directory = Directory.CreateTempSubdirectory("cselearning-pdf-");
        try
        {
            var pdf = Path.Combine(directory.FullName, "document.pdf");
            File.WriteAllBytes(pdf, _bytes);
            var image = Path.Combine(directory.FullName, "box");
            Execute("pdftoppm", $"-png -r {dpi} -f {page} -l {page} -x {Pixels(x)} -y {Pixels(y)} -W {Pixels(width)} -H {Pixels(height)} -singlefile \"{pdf}\" \"{image}\"");
            return read(image + ".png");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private string Info(string field)
    {
        var line = Run("pdfinfo", "{0}").Split('\n').FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"pdfinfo printed no '{field}'.");
        return line[(field.Length + 1)..].Trim();
    }

    private string Run(string tool, string arguments)
    {
        var directory = Directory.CreateTempSubdirectory("cselearning-pdf-");
        try
        {
            var pdf = Path.Combine(directory.FullName, "document.pdf");
            File.WriteAllBytes(pdf, _bytes);
            return Execute(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, $"\"{pdf}\""));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Execute(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (install poppler-utils and tesseract-ocr; scripts/test.sh does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {arguments} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
