using System.Text;
using CSELearning.Web.Features.Supervision;

namespace CSELearning.UnitTests.Features.Supervision;

// RFC 5545 3.1 and 3.3.11: content lines fold at 75 octets (CRLF and a space), never inside a character, and
// TEXT values escape backslash, semicolon, comma and line breaks.
public sealed class IcsTests
{
    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal);

    [Theory]
    [InlineData(74)]
    [InlineData(75)]
    [InlineData(76)]
    [InlineData(300)]
    public void A_long_line_folds_at_75_octets_and_unfolds_to_itself(int length)
    {
        var value = new string('x', length - "DESCRIPTION:".Length);
        var ics = new Ics();

        ics.Line("DESCRIPTION", value);

        var text = ics.ToString();
        Assert.EndsWith("\r\n", text);
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
        Assert.Equal(length <= 75 ? 1 : 1 + (length - 75 + 73) / 74, lines.Length);
        Assert.Equal("DESCRIPTION:" + value + "\r\n", Unfold(text));
    }

    [Fact]
    public void A_fold_never_splits_a_character_of_several_octets()
    {
        // Welsh ŵ (2 octets), Arabic (2), CJK (3) and an emoji (4), repeated past several folds.
        var value = string.Concat(Enumerable.Repeat("Cwm ŵyr سلام 日本 🙂 ", 20));
        var ics = new Ics();

        ics.Line("SUMMARY", value);

        var bytes = Encoding.UTF8.GetBytes(ics.ToString());
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var line in Split(bytes))
        {
            Assert.InRange(line.Length, 1, 75);
            strict.GetString(line); // throws if a fold cut a character in two
        }
        Assert.Equal("SUMMARY:" + value + "\r\n", Unfold(ics.ToString()));
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("C:\\path", "C:\\\\path")]
    [InlineData("one\r\ntwo\nthree\rfour", "one\\ntwo\\nthree\\nfour")]
    public void Text_values_escape_what_would_end_or_split_them(string text, string escaped) =>
        Assert.Equal(escaped, Ics.Escape(text));

    private static IEnumerable<byte[]> Split(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            yield return bytes[start..i];
            start = i + 2;
        }
    }
}
