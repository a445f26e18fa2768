namespace CSELearning.Web.Features.Reporting;

// Hiding every count under five (primary suppression) is not enough when a table also shows what its counts add up
// to: a total less the other counts of its sum gives a hidden one back. This chooses further counts to hide
// (secondary suppression) until no hidden count can be worked out from what is shown.
//
// A reader knows more than the sums: a count shown as "fewer than 5" is 0 to 4, and one hidden to protect it is 5 or
// more (the page says which). So a sum is safe only when, given the shown figures and those ranges, every hidden
// count of it could still be at least two values: two hidden counts of 4 under a total of 8 are as exposed as one.
// For one sum that check is exact, and the uptake and trends tables are separate sums (a column and its total). Where
// sums share counts (a scenario's points and the options leading to them) each sum is checked in turn, which catches
// what one sum gives away but not what a reader could get by combining several; docs/reporting.md says so.
//
// It runs on the counts a report has already added up, never on people's rows: a few hundred cells at most.
public static class Suppression
{
    public enum Kind { Shown, Primary, Secondary }

    // Total is the index of the count that Parts' counts add up to.
    public sealed record Sum(int Total, IReadOnlyList<int> Parts);

    // The kind of each count. fixedCounts: those shown elsewhere (another view's totals), which this table may not hide
    // and which are hidden only when they are themselves under five.
    public static Kind[] Protect(IReadOnlyList<int> counts, IReadOnlyList<Sum> sums, IReadOnlySet<int>? fixedCounts = null)
    {
        var kinds = counts.Select(c => c < Figure.SmallestGroup ? Kind.Primary : Kind.Shown).ToArray();
        bool CanHide(int i) => kinds[i] == Kind.Shown && fixedCounts?.Contains(i) != true;
        var unprotectable = new HashSet<Sum>();
        // Hiding one count can expose another sum it is part of, so go round until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var sum in sums)
            {
                if (unprotectable.Contains(sum) || !Exposes(sum, counts, kinds)) continue;
                // The smallest count of the sum hides the least; the total only when every part is hidden already.
                var next = sum.Parts.Where(CanHide).OrderBy(p => counts[p]).Cast<int?>().FirstOrDefault()
                    ?? (CanHide(sum.Total) ? sum.Total : null);
                if (next is { } hide)
                {
                    kinds[hide] = Kind.Secondary;
                    changed = true;
                }
                else
                {
                    // Nothing left to hide here: the total is another view's. Counted as a limit in docs/reporting.md.
                    unprotectable.Add(sum);
                }
            }
        }
        return kinds;
    }

    // One sum: the parts, then the total. totalShownElsewhere: the total is another view's figure, not to be hidden here.
    public static (Kind[] Parts, Kind Total) ProtectSum(IReadOnlyList<int> parts, int total, bool totalShownElsewhere)
    {
        var kinds = Protect([.. parts, total], [new Sum(parts.Count, Enumerable.Range(0, parts.Count).ToList())],
            totalShownElsewhere ? new HashSet<int> { parts.Count } : null);
        return (kinds[..parts.Count], kinds[parts.Count]);
    }

    // Whether some hidden count of the sum has only one value the shown figures and the ranges allow.
    internal static bool Exposes(Sum sum, IReadOnlyList<int> counts, IReadOnlyList<Kind> kinds)
    {
        (long Low, long? High) Range(int i) => kinds[i] switch
        {
            Kind.Shown => (counts[i], counts[i]),
            Kind.Primary => (0, Figure.SmallestGroup - 1),
            _ => (Figure.SmallestGroup, null),
        };
        if (kinds[sum.Total] == Kind.Shown && sum.Parts.All(p => kinds[p] == Kind.Shown)) return false;

        var parts = sum.Parts.Select(Range).ToList();
        var low = parts.Sum(r => r.Low);
        var unbounded = parts.Count(r => r.High is null);
        var high = parts.Sum(r => r.High ?? 0);
        var total = Range(sum.Total);

        for (var i = 0; i < parts.Count; i++)
        {
            if (kinds[sum.Parts[i]] == Kind.Shown) continue;
            var (own, ownHigh) = parts[i];
            // The others' range: the part is the total less them.
            var othersLow = low - own;
            long? othersHigh = unbounded - (ownHigh is null ? 1 : 0) > 0 ? null : high - (ownHigh ?? 0);
            var least = Math.Max(own, othersHigh is { } h ? total.Low - h : long.MinValue);
            var most = Min(ownHigh, total.High is { } t ? t - othersLow : null);
            if (most == least) return true;
        }
        if (kinds[sum.Total] != Kind.Shown)
        {
            var least = Math.Max(total.Low, low);
            var most = Min(total.High, unbounded > 0 ? null : high);
            if (most == least) return true;
        }
        return false;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
