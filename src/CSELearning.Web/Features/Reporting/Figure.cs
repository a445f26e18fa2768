using System.Globalization;

namespace CSELearning.Web.Features.Reporting;

// A figure drawn from fewer than SmallestGroup people is never shown, in any format, so nobody can be singled out.
// A rate is drawn from both the people it divides. A figure of five or more is withheld when showing it would let a
// reader work out one under five from a total (see Suppression); it says so differently, so "fewer than 5" stays true.
public readonly record struct Figure(double? Value, string Unit, bool IsWithheld = false)
{
    public const int SmallestGroup = 5;
    public const string SuppressedText = "fewer than 5";
    public const string WithheldText = "not shown (to protect a small number)";

    public bool IsSuppressed => Value is null;

    public static Figure Count(int people) => people < SmallestGroup ? Suppressed() : new(people, "");

    public static Figure Rate(int part, int whole) =>
        part < SmallestGroup || whole < SmallestGroup ? Suppressed() : new(Math.Round(100.0 * part / whole, 1), "%");

    // people: How many people the values come from.
    public static Figure Median(int people, double? value, string unit) =>
        people < SmallestGroup || value is null ? Suppressed() : new(value, unit);

    // An index from -1 to 1 (item analysis's discrimination), shown to two places.
    public static Figure Index(int people, double? value) =>
        people < SmallestGroup || value is null ? Suppressed() : new(Math.Round(value.Value, 2), IndexUnit);

    private const string IndexUnit = "index";

    public static Figure Suppressed() => new(null, "");

    public static Figure Withheld() => new(null, "", IsWithheld: true);

    // A count as secondary suppression left it.
    public static Figure Count(int people, Suppression.Kind kind) => kind switch
    {
        Suppression.Kind.Primary => Suppressed(),
        Suppression.Kind.Secondary => Withheld(),
        _ => Count(people),
    };

    // A rate shown beside its counts gives back a hidden one (part = rate × whole), so it is hidden with either.
    public static Figure Rate(int part, Suppression.Kind partKind, int whole, Suppression.Kind wholeKind) =>
        partKind == Suppression.Kind.Primary || wholeKind == Suppression.Kind.Primary || part < SmallestGroup || whole < SmallestGroup ? Suppressed()
        : partKind == Suppression.Kind.Secondary || wholeKind == Suppression.Kind.Secondary ? Withheld()
        : Rate(part, whole);

    public override string ToString() => Value switch
    {
        null => IsWithheld ? WithheldText : SuppressedText,
        { } value when Unit == IndexUnit => value.ToString("0.00", CultureInfo.InvariantCulture),
        { } value when Unit == "%" => value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
        { } value when Unit.Length > 0 => value.ToString("0.#", CultureInfo.InvariantCulture) + " " + Unit,
        { } value => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
