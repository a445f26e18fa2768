using CSELearning.Web.Features.Reporting;
using CSELearning.Web.Features.Shared;

namespace CSELearning.UnitTests.Reporting;

public class ReportingFiguresTests
{
    [Theory]
    [InlineData(0, "fewer than 5")]
    [InlineData(1, "fewer than 5")]
    [InlineData(4, "fewer than 5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1234")]
    public void Counts_of_fewer_than_five_people_are_suppressed(int people, string shown) =>
        Assert.Equal(shown, Figure.Count(people).ToString());

    [Theory]
    [InlineData(4, 10, "fewer than 5")] // four people completed: the rate would give them away
    [InlineData(4, 4, "fewer than 5")]
    [InlineData(5, 4, "fewer than 5")]
    [InlineData(5, 10, "50%")]
    [InlineData(7, 13, "53.8%")]
    [InlineData(10, 10, "100%")]
    public void Rates_are_suppressed_when_either_side_is_fewer_than_five_people(int part, int whole, string shown) =>
        Assert.Equal(shown, Figure.Rate(part, whole).ToString());

    [Fact]
    public void A_median_from_fewer_than_five_people_is_suppressed()
    {
        Assert.Equal("fewer than 5", Figure.Median(4, 12, "minutes").ToString());
        Assert.Equal("12 minutes", Figure.Median(5, 12, "minutes").ToString());
        Assert.True(Figure.Median(5, null, "minutes").IsSuppressed);
    }

    [Fact]
    public void The_median_is_read_from_a_histogram()
    {
        Assert.Null(Uptake.Handler.Median(new Dictionary<int, int>()));
        Assert.Equal(30, Uptake.Handler.Median(new Dictionary<int, int> { [10] = 1, [20] = 1, [30] = 1, [40] = 1, [50] = 1 }));
        Assert.Equal(35, Uptake.Handler.Median(new Dictionary<int, int> { [60] = 1, [10] = 1, [20] = 1, [30] = 1, [40] = 1, [50] = 1 }));
        Assert.Equal(7, Uptake.Handler.Median(new Dictionary<int, int> { [7] = 3, [100] = 2 }));
        Assert.Equal(53.5, Uptake.Handler.Median(new Dictionary<int, int> { [7] = 2, [100] = 2 }));
    }

    [Theory]
    [InlineData("North", "North")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void CSV_cells_are_quoted_and_never_run_as_formulas(string value, string cell) =>
        Assert.Equal(cell, Csv.Cell(value));

    [Fact]
    public void A_CSV_has_a_byte_order_mark_and_CRLF_line_ends()
    {
        var bytes = Csv.Write([["Module", "Agency"], ["Grooming", "Zoë's team"]]);

        Assert.Equal("\uFEFFModule,Agency\r\nGrooming,Zoë's team\r\n", System.Text.Encoding.UTF8.GetString(bytes));
    }
}
