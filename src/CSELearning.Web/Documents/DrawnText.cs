using System.Globalization;
using System.Text;
using CSELearning.Web.Domain;

namespace CSELearning.Web.Documents;

// PDFsharp draws the characters it is given, one glyph each, left to right, and nothing more. A name is made
// ready for that here, one line at a time:
//   1. normalised to NFC, so "e" + circumflex + tilde is the single letter "ễ" the font draws whole;
//   2. each character the embedded font cannot draw (an emoji, a script it lacks) becomes one visible
//      replacement mark (U+FFFD, a diamond with a question mark), never an empty box: one mark for each
//      character as a reader counts them, so an emoji made of several code points (a family, a flag, a skin
//      tone) becomes one mark;
//   3. Arabic letters take their joined forms (initial, medial, final, isolated, and the lam-alef ligatures),
//      which the font holds as Arabic Presentation Forms;
//   4. the line is put in the order it is seen: right-to-left runs (Hebrew, Arabic) reversed, following the
//      Unicode Bidirectional Algorithm (UAX #9) for text without embedding controls, which the input rules
//      refuse; accents stay after the letter they sit on, and brackets in right-to-left runs are mirrored.
internal static class DrawnText
{
    public const char Substitute = '\uFFFD';

    // What both embedded faces (regular and bold) can draw.
    private static readonly Lazy<FontCoverage> Coverage = new(() => FontCoverage.Read(PdfFonts.RegularFace.Value).Intersect(FontCoverage.Read(PdfFonts.BoldFace.Value)));

    public static string Visual(string? line)
    {
        var text = line ?? "";
        // Most lines are plain Latin text the font draws as it is.
        if (text.All(c => c < '\u0300' && Coverage.Value.Has(c))) return text;
        text = text.Normalize(NormalizationForm.FormC);
        var drawable = Substitute_(text);
        if (!drawable.Any(IsRightToLeft)) return WithoutJoiners(drawable);
        return Reorder(WithoutJoiners(ArabicShaping.Shape(drawable, Coverage.Value.Has)));
    }

    // True when the font draws every character of the text as itself.
    public static bool DrawsExactly(string text) =>
        text.Normalize(NormalizationForm.FormC).EnumerateRunes().All(r => !IsDirectionControl(r.Value) && (IsInvisible(r) || Coverage.Value.Has(r.Value)));

    // A name held from before direction controls were refused (an override can make "exe.live" read
    // "evil.exe") is shown on a web page as it is drawn on the certificate: each control as a replacement mark.
    public static string WithDirectionControlsShown(string text) =>
        text.Any(c => IsDirectionControl(c)) ? string.Concat(text.Select(c => IsDirectionControl(c) ? Substitute : c)) : text;

    // Drawn as a replacement mark, so text that carries one cannot read differently on the page from the way it
    // is held; the same characters the input rule refuses.
    private static bool IsDirectionControl(int c) => TextInput.IsDirectionControl(c);

    private static string Substitute_(string text)
    {
        var builder = new StringBuilder(text.Length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var drawn = true;
            foreach (var rune in element.EnumerateRunes())
                if (IsDirectionControl(rune.Value) || !IsInvisible(rune) && !Coverage.Value.Has(rune.Value)) drawn = false;
            if (!drawn)
            {
                builder.Append(Substitute);
                continue;
            }
            foreach (var rune in element.EnumerateRunes())
                if (!IsInvisible(rune) || rune.Value is ZeroWidthJoiner or ZeroWidthNonJoiner) builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static string WithoutJoiners(string text) =>
        text.Contains('\u200C') || text.Contains('\u200D') ? text.Replace("\u200C", "").Replace("\u200D", "") : text;

    internal const int ZeroWidthNonJoiner = 0x200C;
    internal const int ZeroWidthJoiner = 0x200D;

    // Characters with no ink of their own: zero-width spaces and joiners, word joiner, byte-order mark,
    // variation selectors. They are left out of the drawing (the joiners after they have done their work).
    private static bool IsInvisible(Rune rune) => rune.Value is >= 0x200B and <= 0x200F or 0x2060 or 0xFEFF or >= 0xFE00 and <= 0xFE0F or 0x061C;

    private static bool IsRightToLeft(char c) => Class(c) is BidiClass.R or BidiClass.AL;

    private enum BidiClass { L, R, AL, EN, AN, NSM, ON }

    private static BidiClass Class(char c)
    {
        if (c is >= '0' and <= '9' or >= '\u06F0' and <= '\u06F9') return BidiClass.EN;
        if (c is >= '\u0660' and <= '\u0669' or '\u066B' or '\u066C') return BidiClass.AN;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return BidiClass.NSM;
        if (c is >= '\u0590' and <= '\u05FF' or >= '\u07C0' and <= '\u085F' or >= '\uFB1D' and <= '\uFB4F')
            return char.IsLetter(c) || char.IsPunctuation(c) ? BidiClass.R : BidiClass.ON;
        if (c is >= '\u0600' and <= '\u07BF' or >= '\u0860' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
            return char.IsLetter(c) || c is '\u061B' or '\u061F' or '\u060C' ? BidiClass.AL : BidiClass.ON;
        if (char.IsLetter(c) || category is UnicodeCategory.SpacingCombiningMark) return BidiClass.L;
        return BidiClass.ON;
    }

    // UAX #9 for one line with no explicit embeddings: P2–P3 (paragraph level from the first strong letter),
    // W1–W7, N1–N2, I1–I2 and L2, with each letter kept together with the accents that follow it.
    internal static string Reorder(string text)
    {
        var types = text.Select(Class).ToArray();
        var firstStrong = types.FirstOrDefault(t => t is BidiClass.L or BidiClass.R or BidiClass.AL, BidiClass.L);
        var paragraph = firstStrong == BidiClass.L ? 0 : 1;
        var start = paragraph == 0 ? BidiClass.L : BidiClass.R;

        // W1: an accent takes the type of what it follows.
        for (var i = 0; i < types.Length; i++)
            if (types[i] == BidiClass.NSM) types[i] = i == 0 ? start : types[i - 1];
        // W2, W3: digits after Arabic letters are Arabic numbers; Arabic letters are then right-to-left.
        var lastStrong = start;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is BidiClass.L or BidiClass.R or BidiClass.AL) lastStrong = types[i];
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.AL) types[i] = BidiClass.AN;
        }
        for (var i = 0; i < types.Length; i++)
            if (types[i] == BidiClass.AL) types[i] = BidiClass.R;
        // W7: digits after left-to-right text are left-to-right.
        lastStrong = start;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is BidiClass.L or BidiClass.R) lastStrong = types[i];
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.L) types[i] = BidiClass.L;
        }
        // N1, N2: neutrals between two runs of one direction take it (numbers count as right-to-left);
        // otherwise the paragraph's.
        for (var i = 0; i < types.Length;)
        {
            if (types[i] != BidiClass.ON) { i++; continue; }
            var end = i;
            while (end < types.Length && types[end] == BidiClass.ON) end++;
            var before = i == 0 ? start : Direction(types[i - 1]);
            var after = end == types.Length ? start : Direction(types[end]);
            var resolved = before == after ? before : start;
            for (var k = i; k < end; k++) types[k] = resolved;
            i = end;
        }
        // I1, I2: embedding levels.
        var levels = new int[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            levels[i] = paragraph == 0
                ? types[i] switch { BidiClass.R => 1, BidiClass.AN or BidiClass.EN => 2, _ => 0 }
                : types[i] switch { BidiClass.L or BidiClass.EN or BidiClass.AN => 2, _ => 1 };
        }

        // Letters with their accents, so reversing a run never puts an accent before its letter.
        var clusters = new List<(string Text, int Level)>();
        for (var i = 0; i < text.Length; i++)
        {
            var isMark = CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
            if (isMark && clusters.Count > 0) clusters[^1] = (clusters[^1].Text + text[i], clusters[^1].Level);
            else clusters.Add((levels[i] % 2 == 1 ? Mirror(text[i]).ToString() : text[i].ToString(), levels[i]));
        }
        // L2: from the highest level down to the lowest odd level, reverse every run at that level or higher.
        var highest = clusters.Max(c => c.Level);
        var lowestOdd = clusters.Where(c => c.Level % 2 == 1).Select(c => c.Level).DefaultIfEmpty(highest + 1).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < clusters.Count;)
            {
                if (clusters[i].Level < level) { i++; continue; }
                var end = i;
                while (end < clusters.Count && clusters[end].Level >= level) end++;
                clusters.Reverse(i, end - i);
                i = end;
            }
        }
        return string.Concat(clusters.Select(c => c.Text));
    }

    private static BidiClass Direction(BidiClass type) => type is BidiClass.L ? BidiClass.L : BidiClass.R;

    private static char Mirror(char c) => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<',
        '«' => '»', '»' => '«', '‹' => '›', '›' => '‹',
        _ => c,
    };
}
