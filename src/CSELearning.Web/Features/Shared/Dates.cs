using System.Globalization;

namespace CSELearning.Web.Features.Shared;

// Dates and durations as GOV.UK writes them: "21 November 2026", "1 hour 5 minutes".
public static class Dates
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateTime instant) => instant.ToString("d MMMM yyyy", British);

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", British);

    public static string Moment(DateTime instant) => $"{Day(instant)} at {instant.ToString("HH:mm", British)} UTC";

    // Whole minutes, rounded up so a short activity is not "0 minutes".
    public static string Duration(int seconds)
    {
        var minutes = (int)Math.Ceiling(Math.Max(0, seconds) / 60.0);
        var hours = minutes / 60;
        minutes %= 60;
        static string Unit(int n, string one) => $"{n.ToString(CultureInfo.InvariantCulture)} {one}{(n == 1 ? "" : "s")}";
        return hours == 0 ? Unit(minutes, "minute")
            : minutes == 0 ? Unit(hours, "hour")
            : $"{Unit(hours, "hour")} {Unit(minutes, "minute")}";
    }
}
