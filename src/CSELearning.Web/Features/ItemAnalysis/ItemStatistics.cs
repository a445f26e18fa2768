namespace CSELearning.Web.Features.ItemAnalysis;

// Classical item statistics, as Moodle's quiz statistics give them, from first attempts only.
public static class ItemStatistics
{
    // The upper and lower groups are each this share of the people, ranked by their first-attempt total.
    public const double GroupShare = 0.27;
    public const double HighestFacility = 0.9;
    public const double LowestFacility = 0.2;
    public const double LowestDiscrimination = 0.2;

    // The share answering right; null with nobody to count.
    public static double? Facility(int attempts, int correct) => attempts == 0 ? null : (double)correct / attempts;

    // The share right in the upper 27% by first-attempt total, less the share right in the lower 27%. Each group is
    // taken by walking the totals from its end; where the 27% boundary falls inside a total, that total's people (and
    // those of them right) are taken in proportion. Null with nobody to count.
    // attemptsByTotal: first attempts with each total. correctByTotal: of those, how many answered this question right.
    public static double? Discrimination(IReadOnlyDictionary<int, int> attemptsByTotal, IReadOnlyDictionary<int, int> correctByTotal)
    {
        var people = attemptsByTotal.Values.Sum();
        var group = GroupShare * people;
        if (group <= 0) return null;
        var ascending = attemptsByTotal.Where(t => t.Value > 0).OrderBy(t => t.Key).ToList();
        double RightIn(IEnumerable<KeyValuePair<int, int>> totals)
        {
            var left = group;
            var right = 0.0;
            foreach (var (total, count) in totals)
            {
                if (left <= 0) break;
                var taken = Math.Min(left, count);
                right += correctByTotal.GetValueOrDefault(total) * taken / count;
                left -= taken;
            }
            return right / group;
        }
        return RightIn(Enumerable.Reverse(ascending)) - RightIn(ascending);
    }

    public sealed record OptionCount(bool IsCorrect, int Chosen);

    // Why a question needs review; none when it does not, or when too few people have answered it to say.
    public static IReadOnlyList<string> ReviewReasons(int attempts, double? facility, double? discrimination, IEnumerable<OptionCount> options,
        int fewestPeople)
    {
        if (attempts < fewestPeople) return [];
        var reasons = new List<string>();
        if (facility > HighestFacility) reasons.Add("Facility above 90%: almost everyone answers it right first time");
        if (facility < LowestFacility) reasons.Add("Facility below 20%: almost everyone answers it wrong first time");
        if (discrimination < LowestDiscrimination) reasons.Add("Discrimination below 0.2: learners who do well on the check overall are not more likely to answer it right");
        if (options.Any(o => !o.IsCorrect && o.Chosen == 0)) reasons.Add("An incorrect option nobody chose: it distracts no one");
        return reasons;
    }
}
