using CSELearning.Web.Features.ItemAnalysis;
using CSELearning.Web.Features.Reporting;

namespace CSELearning.UnitTests.Features.ItemAnalysis;

// Ten first attempts at a check of three questions, Q, R and S. By total right:
//
//   total   attempts   Q right   R right   S right
//     3        2          2         2         2      (2 x 3 = 6 right answers)
//     2        3          2         1         3      (3 x 2 = 6)
//     1        3          1         2         0      (3 x 1 = 3)
//     0        2          0         0         0
//
// Facility: Q 5/10 = 0.5, R 5/10 = 0.5, S 5/10 = 0.5.
//
// Each group is 27% of 10 = 2.7 attempts.
// Upper group, from total 3 down: both attempts with 3, then 0.7 of the 3 attempts with 2.
// Lower group, from total 0 up: both attempts with 0, then 0.7 of the 3 attempts with 1.
//   Q: upper right = 2 + 0.7 x 2/3 = 7.4/3; lower right = 0 + 0.7 x 1/3 = 0.7/3
//      D = (7.4/3 - 0.7/3) / 2.7 = 6.7/8.1 = 67/81 = 0.8272
//   R: upper right = 2 + 0.7 x 1/3 = 6.7/3; lower right = 0 + 0.7 x 2/3 = 1.4/3
//      D = (6.7/3 - 1.4/3) / 2.7 = 5.3/8.1 = 53/81 = 0.6543
//   S: upper right = 2 + 0.7 x 3/3 = 2.7;   lower right = 0 + 0.7 x 0/3 = 0
//      D = 2.7/2.7 - 0 = 1
public class ItemStatisticsTests
{
    private static readonly Dictionary<int, int> Attempts = new() { [3] = 2, [2] = 3, [1] = 3, [0] = 2 };
    private static readonly Dictionary<int, int> QRight = new() { [3] = 2, [2] = 2, [1] = 1, [0] = 0 };
    private static readonly Dictionary<int, int> RRight = new() { [3] = 2, [2] = 1, [1] = 2 };
    private static readonly Dictionary<int, int> SRight = new() { [3] = 2, [2] = 3 };

    [Fact]
    public void Facility_is_the_share_of_first_attempts_answering_right()
    {
        Assert.Equal(0.5, ItemStatistics.Facility(10, QRight.Values.Sum()));
        Assert.Equal(0.5, ItemStatistics.Facility(10, RRight.Values.Sum()));
        Assert.Equal(0.5, ItemStatistics.Facility(10, SRight.Values.Sum()));
        Assert.Null(ItemStatistics.Facility(0, 0));
    }

    [Fact]
    public void Discrimination_compares_the_upper_and_lower_27_percent_taking_a_boundary_total_in_proportion()
    {
        Assert.Equal(67.0 / 81, ItemStatistics.Discrimination(Attempts, QRight)!.Value, 10);
        Assert.Equal(53.0 / 81, ItemStatistics.Discrimination(Attempts, RRight)!.Value, 10);
        Assert.Equal(1.0, ItemStatistics.Discrimination(Attempts, SRight)!.Value, 10);
    }

    [Fact]
    public void Discrimination_is_nought_when_everyone_has_the_same_total_and_none_with_nobody()
    {
        // Five attempts all with total 1, three of them right on this question: both groups are 1.35 of those five.
        Assert.Equal(0.0, ItemStatistics.Discrimination(new Dictionary<int, int> { [1] = 5 }, new Dictionary<int, int> { [1] = 3 })!.Value, 10);
        Assert.Null(ItemStatistics.Discrimination(new Dictionary<int, int>(), new Dictionary<int, int>()));
    }

    [Fact]
    public void Discrimination_is_negative_when_the_weaker_learners_do_better_on_the_question()
    {
        // A check of three questions: 5 attempts with total 2, of which 1 got this question right, and 5 with total 1,
        // all of which got this question (and only this one) right. Each group is 27% of 10 = 2.7 attempts.
        // Upper: 2.7 of the total-2 attempts, right 2.7 x 1/5 = 0.54, a share of 0.2.
        // Lower: 2.7 of the total-1 attempts, right 2.7 x 5/5 = 2.7, a share of 1.  D = 0.2 - 1 = -0.8.
        Assert.Equal(-0.8, ItemStatistics.Discrimination(new Dictionary<int, int> { [2] = 5, [1] = 5 }, new Dictionary<int, int> { [2] = 1, [1] = 5 })!.Value, 10);
    }

    [Fact]
    public void A_question_needs_review_for_each_reason_that_applies_and_only_from_five_attempts()
    {
        var options = new[] { new ItemStatistics.OptionCount(true, 19), new ItemStatistics.OptionCount(false, 1), new ItemStatistics.OptionCount(false, 0) };
        var reasons = ItemStatistics.ReviewReasons(20, 0.95, 0.1, options, Figure.SmallestGroup);
        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("Facility above 90%", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Discrimination below 0.2", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("An incorrect option nobody chose", StringComparison.Ordinal));

        Assert.Equal(["Facility below 20%: almost everyone answers it wrong first time"],
            ItemStatistics.ReviewReasons(20, 0.15, 0.5, [new(true, 3), new(false, 17)], Figure.SmallestGroup));
        Assert.Empty(ItemStatistics.ReviewReasons(20, 0.5, 0.5, [new(true, 10), new(false, 10)], Figure.SmallestGroup));
        // The bounds themselves are not flagged.
        Assert.Empty(ItemStatistics.ReviewReasons(20, 0.9, 0.2, [new(true, 18), new(false, 2)], Figure.SmallestGroup));
        Assert.Empty(ItemStatistics.ReviewReasons(20, 0.2, 0.2, [new(true, 4), new(false, 16)], Figure.SmallestGroup));
        // Four attempts say too little to flag anything.
        Assert.Empty(ItemStatistics.ReviewReasons(4, 1.0, -1.0, [new(true, 4), new(false, 0)], Figure.SmallestGroup));
    }

    [Fact]
    public void Discrimination_is_shown_to_two_places_and_suppressed_under_five_attempts()
    {
        Assert.Equal("0.83", Figure.Index(10, 67.0 / 81).ToString());
        Assert.Equal("fewer than 5", Figure.Index(4, 0.5).ToString());
    }
}
