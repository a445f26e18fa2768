using System.Reflection;
using PdfSharp.Fonts;

namespace CSELearning.Web.Documents;

// DejaVu Sans ships inside the application so a document prints the same on every machine. It covers Latin
// Extended (Irish, Welsh, Polish, Vietnamese, Turkish names), Greek, Cyrillic, Hebrew and Arabic with its
// presentation forms; DrawnText prepares text for it. The files are Debian's DejaVu Sans with every composite
// glyph made a plain outline (scripts/flatten-fonts.py), since PDFsharp embeds only one level of a composite's
// parts and drew "ễ" as "e". PDFsharp simulates the italic slant.
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    internal static readonly Lazy<byte[]> RegularFace = new(() => Load(Regular));
    internal static readonly Lazy<byte[]> BoldFace = new(() => Load(Bold));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Regular => RegularFace.Value,
        Bold => BoldFace.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        var name = $"CSELearning.Web.Documents.Fonts.{face}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is missing from the application.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

// PDFsharp's process-wide set-up: its AGPL licence (the project's own licence) and the font resolver.
internal static class Pdf
{
    private static readonly Lazy<bool> Setup = new(() =>
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        GlobalFontSettings.FontResolver = new PdfFonts();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureReady() => _ = Setup.Value;
}
