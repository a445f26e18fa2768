using System.Globalization;
using System.Text;

namespace CSELearning.Web.Documents;

// Arabic letters join their neighbours, and each joined form is a different glyph: the font holds them as
// Arabic Presentation Forms. The forms come from Unicode's own data, through .NET's compatibility
// decomposition: each presentation form decomposes to its letter, and a letter's forms are consecutive, in the
// order isolated, final, initial, medial (a letter with only the first two joins only the letter before it).
// Works in logical order, before the line is reversed for drawing.
internal static class ArabicShaping
{
    private enum Form { Isolated, Final, Initial, Medial }

    private sealed record Forms(char[] Glyphs)
    {
        public bool JoinsBoth => Glyphs.Length == 4;
    }

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';

    private static readonly Lazy<(Dictionary<char, Forms> Letters, Dictionary<char, Forms> LamAlef)> Tables = new(Build);

    public static string Shape(string text, Func<int, bool> drawable)
    {
        var (letters, lamAlef) = Tables.Value;
        if (!text.Any(letters.ContainsKey)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!letters.TryGetValue(c, out var forms))
            {
                result.Append(c);
                continue;
            }
            var joinsBefore = JoinsTowardsNext(text, Previous(text, i), letters);
            // Lam followed by alef is written as one ligature.
            var next = Next(text, i);
            if (c == Lam && next == i + 1 && lamAlef.TryGetValue(text[next], out var ligature))
            {
                var glyph = ligature.Glyphs[joinsBefore ? (int)Form.Final : (int)Form.Isolated];
                if (drawable(glyph))
                {
                    result.Append(glyph);
                    i = next;
                    continue;
                }
            }
            var joinsAfter = forms.JoinsBoth && next >= 0 && JoinsTowardsPrevious(text[next], letters);
            var form = (joinsBefore, joinsAfter) switch
            {
                (true, true) => Form.Medial,
                (true, false) => Form.Final,
                (false, true) => Form.Initial,
                _ => Form.Isolated,
            };
            var shaped = forms.Glyphs[(int)form];
            result.Append(drawable(shaped) ? shaped : c);
        }
        return result.ToString();
    }

    // The nearest character before or after that is not an accent (accents do not break a join).
    private static int Previous(string text, int i)
    {
        for (var k = i - 1; k >= 0; k--)
            if (!IsTransparent(text[k])) return k;
        return -1;
    }

    private static int Next(string text, int i)
    {
        for (var k = i + 1; k < text.Length; k++)
            if (!IsTransparent(text[k])) return k;
        return -1;
    }

    private static bool IsTransparent(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static bool JoinsTowardsNext(string text, int at, Dictionary<char, Forms> letters) =>
        at >= 0 && (text[at] is Tatweel or (char)DrawnText.ZeroWidthJoiner || letters.TryGetValue(text[at], out var forms) && forms.JoinsBoth);

    private static bool JoinsTowardsPrevious(char c, Dictionary<char, Forms> letters) =>
        c is Tatweel or (char)DrawnText.ZeroWidthJoiner || letters.ContainsKey(c);

    private static (Dictionary<char, Forms>, Dictionary<char, Forms>) Build()
    {
        var letters = new Dictionary<char, Forms>();
        var lamAlef = new Dictionary<char, Forms>();
        // Presentation Forms-B first: where a letter also has forms in Forms-A (for other languages' styles),
        // the B forms are the general ones.
        foreach (var (first, last) in new[] { ('\uFE70', '\uFEFE'), ('\uFB50', '\uFDFF') })
        {
            var c = (int)first;
            while (c <= last)
            {
                var letter = ((char)c).ToString().Normalize(NormalizationForm.FormKD);
                var group = 1;
                while (c + group <= last && ((char)(c + group)).ToString().Normalize(NormalizationForm.FormKD) == letter) group++;
                var glyphs = Enumerable.Range(c, group).Select(g => (char)g).ToArray();
                if (group is 2 or 4 && letter.Length == 1 && IsArabicLetter(letter[0]))
                    letters.TryAdd(letter[0], new Forms(glyphs));
                else if (group == 2 && letter.Length == 2 && letter[0] == Lam && IsArabicLetter(letter[1]))
                    lamAlef.TryAdd(letter[1], new Forms(glyphs));
                c += group;
            }
        }
        return (letters, lamAlef);
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u06FF' && char.IsLetter(c) && c != Tatweel;
}
