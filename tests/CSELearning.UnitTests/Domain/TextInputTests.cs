using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;

namespace CSELearning.UnitTests.Domain;

public class TextInputTests
{
    public static TheoryData<string, TextShape, string> Refusals => new()
    {
        // C0 controls, DEL and C1, wherever they are.
        { "Ctl\u0007\u001b[31mName", TextShape.SingleLine, "Full name must not contain the control character U+0007 (bell), at character 4." },
        { "Ctl\u001b[31mName", TextShape.MultiLine, "Full name must not contain the control character U+001B (escape), at character 4." },
        { "A\u0000B", TextShape.MultiLine, "Full name must not contain the control character U+0000 (null), at character 2." },
        { "Ann\u007f", TextShape.SingleLine, "Full name must not contain the control character U+007F (delete), at character 4." },
        { "Ann\u0085Lee", TextShape.MultiLine, "Full name must not contain the control character U+0085 (next line), at character 4." },
        { "Ann\u009bLee", TextShape.MultiLine, "Full name must not contain the control character U+009B, at character 4." },
        { "Ann\u000cLee", TextShape.MultiLine, "Full name must not contain the control character U+000C (form feed), at character 4." },
        // Line breaks and tabs belong to paragraphs only.
        { "Ann\nLee", TextShape.SingleLine, "Full name must not contain U+000A (line break), at character 4: it must be on one line." },
        { "Ann\r\nLee", TextShape.SingleLine, "Full name must not contain U+000D (carriage return), at character 4: it must be on one line." },
        { "Ann\tLee", TextShape.SingleLine, "Full name must not contain U+0009 (tab), at character 4: it must be on one line." },
        { "Ann\u2028Lee", TextShape.SingleLine, "Full name must not contain U+2028 (line separator), at character 4: it must be on one line." },
        // Every override, embedding and isolate, in both shapes; the marks in a single line.
        { "Ahmed \u202Eexe.live\u202C Khan", TextShape.SingleLine, "Full name must not contain the text-direction character U+202E (right-to-left override), at character 7, which changes the order the text is shown in." },
        { "x\u202A", TextShape.MultiLine, "Full name must not contain the text-direction character U+202A (left-to-right embedding), at character 2, which changes the order the text is shown in." },
        { "x\u202B", TextShape.MultiLine, "Full name must not contain the text-direction character U+202B (right-to-left embedding), at character 2, which changes the order the text is shown in." },
        { "x\u202C", TextShape.MultiLine, "Full name must not contain the text-direction character U+202C (pop directional formatting), at character 2, which changes the order the text is shown in." },
        { "x\u202D", TextShape.MultiLine, "Full name must not contain the text-direction character U+202D (left-to-right override), at character 2, which changes the order the text is shown in." },
        { "x\u2066", TextShape.MultiLine, "Full name must not contain the text-direction character U+2066 (left-to-right isolate), at character 2, which changes the order the text is shown in." },
        { "x\u2067", TextShape.MultiLine, "Full name must not contain the text-direction character U+2067 (right-to-left isolate), at character 2, which changes the order the text is shown in." },
        { "x\u2068", TextShape.MultiLine, "Full name must not contain the text-direction character U+2068 (first strong isolate), at character 2, which changes the order the text is shown in." },
        { "x\u2069", TextShape.MultiLine, "Full name must not contain the text-direction character U+2069 (pop directional isolate), at character 2, which changes the order the text is shown in." },
        { "x\u200F", TextShape.SingleLine, "Full name must not contain the text-direction character U+200F (right-to-left mark), at character 2." },
        { "x\u200E", TextShape.SingleLine, "Full name must not contain the text-direction character U+200E (left-to-right mark), at character 2." },
        { "x\u061C", TextShape.SingleLine, "Full name must not contain the text-direction character U+061C (Arabic letter mark), at character 2." },
        // Positions count characters, not UTF-16 units: the emoji before is one character.
        { "\U0001F600\u202E", TextShape.SingleLine, "Full name must not contain the text-direction character U+202E (right-to-left override), at character 2, which changes the order the text is shown in." },
        // Nothing anyone can see.
        { "\u200B\u200B\u200B", TextShape.SingleLine, "Full name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+200B (zero width space)." },
        { " \u2060 \uFEFF", TextShape.SingleLine, "Full name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+2060 (word joiner)." },
        { "\u0301\u0301", TextShape.SingleLine, "Full name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+0301." },
        { "\u3164", TextShape.SingleLine, "Full name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+3164 (Hangul filler)." },
        { "\u200D\n\u200C", TextShape.MultiLine, "Full name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+200D (zero width joiner)." },
        // Text that is not text.
        { "a\uFFFF", TextShape.MultiLine, "Full name must not contain the non-character U+FFFF, at character 2." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refuses_with_a_message_that_names_the_character_and_where_it_is(string text, TextShape shape, string message)
    {
        Assert.Equal(message, TextInput.Problem(text, "Full name", shape));
        Assert.Equal(message, Assert.Throws<DomainException>(() => TextInput.Require(text, "Full name", shape)).Message);
    }

    [Fact]
    public void Refuses_an_unpaired_surrogate_which_no_encoding_can_carry()
    {
        // Not theory data: the test runner's serialisation would replace it before the test saw it.
        Assert.Equal("Full name must not contain the unpaired surrogate U+D800, at character 2. Type that character again.",
            TextInput.Problem("a\uD800b", "Full name", TextShape.MultiLine));
    }

    [Theory]
    [InlineData("Ahmed Khan", TextShape.SingleLine)]
    [InlineData("Nguyễn Thị Minh Khai", TextShape.SingleLine)]
    [InlineData("محمد علي", TextShape.SingleLine)]
    [InlineData("שרה כהן", TextShape.SingleLine)]
    [InlineData("Zoë O'Brien-Smith", TextShape.SingleLine)]
    [InlineData("家族 👨\u200D👩\u200D👧", TextShape.SingleLine)]
    [InlineData("क्षत्रिय", TextShape.SingleLine)]
    [InlineData("ਸਿੰਘ", TextShape.SingleLine)]
    [InlineData("", TextShape.SingleLine)]
    [InlineData("   ", TextShape.SingleLine)]
    [InlineData("First line\nSecond line\n\n\tIndented", TextShape.MultiLine)]
    [InlineData("Line\r\nbreaks as a browser sends them", TextShape.MultiLine)]
    [InlineData("نص عربي \u200F(with a mark)\u061C", TextShape.MultiLine)]
    [InlineData("soft\u00ADhyphen and a zero\u200Bwidth space among letters", TextShape.SingleLine)]
    public void Accepts_text_in_any_script_and_paragraphs_where_they_belong(string text, TextShape shape)
    {
        Assert.Null(TextInput.Problem(text, "Full name", shape));
    }

    [Fact]
    public void Normalises_to_NFC_with_every_line_break_as_a_newline()
    {
        Assert.Equal("Nguyễn", TextInput.Normalise("Nguye\u0302\u0303n"));
        Assert.Equal("Nguy\u1EC5n", TextInput.Normalise("Nguye\u0302\u0303n"));
        Assert.Equal("one\ntwo\nthree\n", TextInput.Normalise("one\r\ntwo\rthree\n"));
        // An unpaired surrogate cannot be normalised: it is left for the rule to refuse, not thrown on.
        Assert.Equal("a\uD800", TextInput.Normalise("a\uD800"));
    }

    [Fact]
    public void The_domain_s_names_comments_and_reflections_are_held_to_it()
    {
        var now = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Full name must not contain the text-direction character U+202E (right-to-left override), at character 7, which changes the order the text is shown in.",
            Assert.Throws<DomainException>(() => new User("a@example.org", "Ahmed \u202Eexe.live Khan", JobRole.Other, now)).Message);
        Assert.Equal("The name must contain a letter, number or symbol you can see: it has only invisible characters, such as U+200B (zero width space).",
            Assert.Throws<DomainException>(() => new Partnership("\u200B\u200B\u200B", now)).Message);
        Assert.Equal("Nguyễn", new User("a@example.org", "Nguye\u0302\u0303n", JobRole.Other, now).DisplayName);
        Assert.StartsWith("The email address must not contain the control character U+0007 (bell)",
            Assert.Throws<DomainException>(() => new User("a\u0007@example.org", "Ann", JobRole.Other, now)).Message);
        Assert.Equal("The comment must not contain the control character U+0008 (backspace), at character 3.",
            Assert.Throws<DomainException>(() => CommentText.Require("ok\bthen")).Message);

        var text = new ReflectionText("Title\u202E", new Dictionary<GibbsStage, string> { [GibbsStage.Analysis] = "fine\n\u0007" });
        Assert.Equal("The title must not contain the text-direction character U+202E (right-to-left override), at character 6, which changes the order the text is shown in.", text.Problems()["title"]);
        Assert.Equal("Analysis must not contain the control character U+0007 (bell), at character 6.", text.Problems()["analysis"]);
    }
}
