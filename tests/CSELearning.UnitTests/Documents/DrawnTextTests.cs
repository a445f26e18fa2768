using CSELearning.Web.Documents;

namespace CSELearning.UnitTests.Documents;

public class DrawnTextTests
{
    [Fact]
    public void Plain_latin_text_is_drawn_as_it_is()
    {
        Assert.Equal("Siân Ó Briain-Smith (2nd)", DrawnText.Visual("Siân Ó Briain-Smith (2nd)"));
    }

    [Fact]
    public void Separate_accents_are_joined_to_the_letter_the_font_draws_whole()
    {
        Assert.Equal("Nguyễn", DrawnText.Visual("Nguye\u0302\u0303n"));
    }

    [Theory]
    [InlineData("Zoë 😀 Smith", "Zoë \uFFFD Smith")]
    [InlineData("Zoë 👩🏽‍👩🏽‍👧 Smith", "Zoë \uFFFD Smith")]
    [InlineData("王小明", "\uFFFD\uFFFD\uFFFD")]
    [InlineData("Ann\u200B\u2060 Lee\uFE0F", "Ann Lee")]
    // A direction override cannot make the name read differently from the way it is held.
    [InlineData("Ahmed \u202Eexe.live\u202C Khan", "Ahmed \uFFFDexe.live\uFFFD Khan")]
    public void What_the_font_cannot_draw_becomes_one_replacement_mark_each_and_invisible_characters_are_left_out(string text, string drawn)
    {
        Assert.Equal(drawn, DrawnText.Visual(text));
        Assert.False(DrawnText.DrawsExactly("Zoë 😀"));
        Assert.True(DrawnText.DrawsExactly("Nguyễn Ελένη Алексей محمد שרה"));
    }

    [Theory]
    // Right-to-left words in a left-to-right line are reversed in place.
    [InlineData("Sarah אבג Cohen", "Sarah גבא Cohen")]
    // A line that starts right to left reads from the right: the words swap sides and the number keeps its digits' order.
    [InlineData("אבג דהו 12", "12 והד גבא")]
    // Brackets in a right-to-left run face the other way once reversed.
    [InlineData("(אבג)", "(גבא)")]
    // An accent stays after the letter it sits on.
    [InlineData("אבְג", "גבְא")]
    public void Right_to_left_runs_are_put_in_the_order_they_are_seen(string logical, string visual)
    {
        Assert.Equal(visual, DrawnText.Visual(logical));
    }

    [Theory]
    // Meem initial, hah medial, meem medial, dal final, drawn right to left.
    [InlineData("محمد", "\uFEAA\uFEE4\uFEA4\uFEE3")]
    // Lam and alef are one ligature: alone, and joined to the beh before it.
    [InlineData("لا", "\uFEFB")]
    [InlineData("بلا", "\uFEFC\uFE91")]
    // Alef does not join the letter after it, so the dal that follows stands alone.
    [InlineData("اد", "\uFEA9\uFE8D")]
    // Digits after Arabic letters keep their left-to-right order.
    [InlineData("بيت 12", "12 \uFE96\uFEF4\uFE91")]
    public void Arabic_letters_take_their_joined_forms(string logical, string visual)
    {
        Assert.Equal(visual, DrawnText.Visual(logical));
    }
}
