using CSELearning.Web.Features.Reporting;
using static CSELearning.Web.Features.Reporting.Suppression.Kind;

namespace CSELearning.UnitTests.Reporting;

/// <summary>
/// Secondary suppression on tables worked by hand, each checked by a reader who knows every shown figure, that a count
/// shown as "fewer than 5" is 0 to 4 and that one withheld to protect it is 5 or more, and tries every value each hidden
/// count could have: a hidden count with only one possible value has been given away.
/// </summary>
public class SuppressionTests
{
    [Fact]
    public void A_single_small_count_under_a_shown_total_hides_the_smallest_other_count_with_it()
    {
        // North 10, South 3, East 6; the total, 19, is shown on another view. 19 − 10 − 6 would give South's 3 back.
        var (parts, total) = Suppression.ProtectSum([10, 3, 6], 19, totalShownElsewhere: true);

        Assert.Equal([Shown, Primary, Secondary], parts);
        Assert.Equal(Shown, total);
        AssertNothingGivenAway([10, 3, 6, 19], [.. parts, total], [new(3, [0, 1, 2])]);
    }

    [Fact]
    public void Two_small_counts_that_add_up_to_nothing_are_given_away_together_so_a_third_is_hidden()
    {
        // 9, 0, 0 under a total of 9: the two noughts are each "fewer than 5", but they add up to 9 − 9 = 0.
        var (parts, _) = Suppression.ProtectSum([9, 0, 0], 9, totalShownElsewhere: true);

        Assert.Equal([Secondary, Primary, Primary], parts);
        AssertNothingGivenAway([9, 0, 0, 9], [.. parts, Shown], [new(3, [0, 1, 2])]);
    }

    [Fact]
    public void A_withheld_count_of_exactly_five_beside_a_nought_is_not_enough()
    {
        // Hiding the 5 alone leaves 0 + 5 = 12 − 7: a withheld count is 5 or more, so the pair can only be 0 and 5.
        var (parts, _) = Suppression.ProtectSum([0, 5, 7], 12, totalShownElsewhere: true);

        Assert.Equal([Primary, Secondary, Secondary], parts);
        AssertNothingGivenAway([0, 5, 7, 12], [.. parts, Shown], [new(3, [0, 1, 2])]);
    }

    [Fact]
    public void Two_fours_under_their_total_are_given_away_so_a_total_on_the_page_is_hidden_too()
    {
        var (parts, total) = Suppression.ProtectSum([4, 4], 8, totalShownElsewhere: false);

        Assert.Equal([Primary, Primary], parts);
        Assert.Equal(Secondary, total);
        AssertNothingGivenAway([4, 4, 8], [.. parts, total], [new(2, [0, 1])]);
    }

    [Fact]
    public void A_total_shown_on_another_view_is_never_hidden_even_when_nothing_else_can_be()
    {
        // The limit docs/reporting.md names: every group is 4, and the other view's total says so.
        var (parts, total) = Suppression.ProtectSum([4, 4], 8, totalShownElsewhere: true);

        Assert.Equal([Primary, Primary], parts);
        Assert.Equal(Shown, total);
    }

    [Fact]
    public void Nothing_is_hidden_when_no_count_is_small_and_everything_is_when_the_total_is()
    {
        Assert.Equal([Shown, Shown, Shown], Suppression.ProtectSum([5, 6, 7], 18, totalShownElsewhere: false).Parts);
        // A total under five: every part is too, and the reader has no total to subtract from.
        var (parts, total) = Suppression.ProtectSum([1, 3], 4, totalShownElsewhere: false);
        Assert.Equal([Primary, Primary], parts);
        Assert.Equal(Primary, total);
        Assert.Equal([], Suppression.ProtectSum([], 0, totalShownElsewhere: false).Parts);
    }

    [Fact]
    public void In_a_table_with_row_and_column_totals_hiding_spreads_until_every_row_and_column_is_safe()
    {
        //        a    b  | total
        // r1     2   10  |  12
        // r2     8    7  |  15
        // total 10   17  |  27
        // The 2 takes the 10 beside it (its row) and the 8 below it (its column); the 10 alone in column b would then be
        // 17 − 7, so the 7 goes too. Every total stays.
        int[] counts = [2, 10, 12, 8, 7, 15, 10, 17, 27];
        Suppression.Sum[] sums = [new(2, [0, 1]), new(5, [3, 4]), new(6, [0, 3]), new(7, [1, 4]), new(8, [2, 5]), new(8, [6, 7])];

        var kinds = Suppression.Protect(counts, sums);

        Assert.Equal([Primary, Secondary, Shown, Secondary, Secondary, Shown, Shown, Shown, Shown], kinds);
        AssertNothingGivenAway(counts, kinds, sums);
    }

    [Fact]
    public void Every_small_table_with_its_total_on_the_page_is_protected()
    {
        // Columns like the reports': two to four counts and their total, on the page, every combination a seed gives.
        var random = new Random(20261208);
        for (var n = 0; n < 300; n++)
        {
            var parts = Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.Next(0, 10)).ToArray();
            var (kinds, total) = Suppression.ProtectSum(parts, parts.Sum(), totalShownElsewhere: false);
            AssertNothingGivenAway([.. parts, parts.Sum()], [.. kinds, total], [new(parts.Length, [.. Enumerable.Range(0, parts.Length)])], string.Join(",", parts));
        }
    }

    [Fact]
    public void Without_secondary_suppression_the_reader_gets_the_small_count_back()
    {
        // The check the tests above rely on, shown to catch what primary suppression alone leaves.
        var values = Possible([10, 3, 6, 19], [Shown, Primary, Shown, Shown], [new(3, [0, 1, 2])]);

        Assert.Equal([3], values[1]);
    }

    [Theory]
    [InlineData(Shown, Shown, "60%")]
    [InlineData(Secondary, Shown, "not shown (to protect a small number)")]
    [InlineData(Shown, Secondary, "not shown (to protect a small number)")]
    [InlineData(Secondary, Secondary, "not shown (to protect a small number)")]
    public void A_rate_beside_a_withheld_count_is_withheld_too(Suppression.Kind part, Suppression.Kind whole, string shown) =>
        Assert.Equal(shown, Figure.Rate(6, part, 10, whole).ToString());

    [Fact]
    public void Withheld_and_small_figures_say_why_they_are_not_shown()
    {
        Assert.Equal("fewer than 5", Figure.Count(3, Primary).ToString());
        Assert.Equal("not shown (to protect a small number)", Figure.Count(6, Secondary).ToString());
        Assert.Equal("6", Figure.Count(6, Shown).ToString());
        Assert.Equal("fewer than 5", Figure.Rate(3, Shown, 10, Secondary).ToString());
        Assert.True(Figure.Count(6, Secondary).IsSuppressed);
        Assert.False(Figure.Count(3, Primary).IsWithheld);
    }

    private static void AssertNothingGivenAway(int[] counts, Suppression.Kind[] kinds, Suppression.Sum[] sums, string? table = null)
    {
        var possible = Possible(counts, kinds, sums);
        foreach (var (cell, values) in possible)
        {
            Assert.True(values.Contains(counts[cell]), $"{table}: cell {cell}'s own value {counts[cell]} is ruled out");
            Assert.True(values.Count >= 2, $"{table}: cell {cell} can only be {string.Join(",", values)}");
        }
    }

    /// <summary>Every value each hidden cell can take that keeps every sum true, tried one by one.</summary>
    private static Dictionary<int, HashSet<int>> Possible(int[] counts, Suppression.Kind[] kinds, Suppression.Sum[] sums)
    {
        // A withheld count has no upper bound the page gives; well above every count stands in for none.
        var cap = counts.Max() + 10;
        var totals = sums.Select(s => s.Total).ToHashSet();
        // Parts before totals, so a sum is checked as soon as all of it is known.
        var hidden = Enumerable.Range(0, counts.Length).Where(i => kinds[i] != Shown).OrderBy(i => totals.Contains(i)).ToList();
        var values = counts.Select((c, i) => kinds[i] == Shown ? c : (int?)null).ToArray();
        var possible = hidden.ToDictionary(i => i, _ => new HashSet<int>());

        bool Consistent() => sums.All(s =>
        {
            var known = s.Parts.Where(p => values[p] is not null).Sum(p => values[p]!.Value);
            var allKnown = s.Parts.All(p => values[p] is not null);
            return values[s.Total] is not { } total ? true : allKnown ? known == total : known <= total;
        });

        void Assign(int k)
        {
            if (k == hidden.Count)
            {
                foreach (var i in hidden) possible[i].Add(values[i]!.Value);
                return;
            }
            var cell = hidden[k];
            var (low, high) = kinds[cell] == Primary ? (0, Figure.SmallestGroup - 1) : (Figure.SmallestGroup, cap);
            // A total whose parts are all known can only be their sum.
            if (sums.FirstOrDefault(s => s.Total == cell && s.Parts.All(p => values[p] is not null)) is { } sum)
                (low, high) = (Math.Max(low, sum.Parts.Sum(p => values[p]!.Value)), Math.Min(high, sum.Parts.Sum(p => values[p]!.Value)));
            for (var v = low; v <= high; v++)
            {
                values[cell] = v;
                if (Consistent()) Assign(k + 1);
            }
            values[cell] = null;
        }

        Assign(0);
        return possible;
    }
}
