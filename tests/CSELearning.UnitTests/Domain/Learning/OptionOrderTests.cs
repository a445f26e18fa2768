using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Learning;

public class OptionOrderTests
{
    private static readonly bool[] NonePinned = [false, false, false, false];

    [Fact]
    public void The_same_seed_gives_the_same_order_and_every_option_once()
    {
        var order = OptionOrder.Shuffle("progress|check|1|q", NonePinned);
        Assert.Equal(order, OptionOrder.Shuffle("progress|check|1|q", NonePinned));
        Assert.Equal([1, 2, 3, 4], order.Order());
    }

    [Fact]
    public void Over_many_seeds_every_option_is_shown_in_every_position_about_as_often()
    {
        const int Seeds = 4000;
        var counts = new int[4, 4];
        for (var seed = 0; seed < Seeds; seed++)
        {
            var order = OptionOrder.Shuffle($"seed {seed}", NonePinned);
            for (var position = 0; position < 4; position++) counts[order[position] - 1, position]++;
        }
        // 1,000 expected in each cell; a fair shuffle stays well within 15% of that.
        for (var option = 0; option < 4; option++)
            for (var position = 0; position < 4; position++)
                Assert.InRange(counts[option, position], 850, 1150);
    }

    [Fact]
    public void Pinned_options_stay_where_they_are_written()
    {
        bool[] pinned = [false, true, false, false, true];
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            var order = OptionOrder.Shuffle($"seed {seed}", pinned);
            Assert.Equal((2, 5), (order[1], order[4]));
            seen.Add(OptionOrder.Format(order));
        }
        Assert.Equal(6, seen.Count); // every arrangement of the other three
    }

    [Theory]
    [InlineData("3,1,2", 3, new[] { 3, 1, 2 })]
    [InlineData("1,2", 3, null)]
    [InlineData("1,1,2", 3, null)]
    [InlineData("1,2,4", 3, null)]
    [InlineData("1, 2,3", 3, null)]
    [InlineData("", 3, null)]
    public void A_stored_order_is_read_back_only_when_it_is_an_order_of_the_options(string text, int count, int[]? expected) =>
        Assert.Equal(expected, OptionOrder.Parse(text, count));
}
