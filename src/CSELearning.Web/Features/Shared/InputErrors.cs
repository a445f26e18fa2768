using System.Globalization;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CSELearning.Web.Features.Shared;

public sealed record InputError(string Field, string Message);

public static class InputErrors
{
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<InputError> errors)
    {
        foreach (var error in errors) modelState.AddModelError(error.Field, error.Message);
    }

    public static string? RefusalOf(Action rule)
    {
        try
        {
            rule();
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
    }

    public static string? CheckName(string? name, string field, List<InputError> errors, int max = Partnership.NameMaxLength)
    {
        string? accepted = null;
        if (RefusalOf(() => accepted = Partnership.RequireName(name ?? "", max)) is { } refusal)
            errors.Add(new InputError(field, refusal));
        return accepted;
    }

    public const string DateFormat = "yyyy-MM-dd";

    // Every date anyone types falls in these years: the platform holds nothing from before 2000, and nothing is
    // planned for after 2099. A year like 0001 or 9999 is a slip of the keyboard, not a date to keep.
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);
    public const string DateRangeText = "between 1 January 2000 and 31 December 2099";

    public static bool InDateRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    // A date typed as year-month-day (as a browser's date field sends it); null and an error when it is not one.
    public static DateOnly? CheckDate(string? text, string field, string what, List<InputError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new InputError(field, $"Enter the {what}."));
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add(new InputError(field, $"The {what} must be a real date, written like 2026-11-21."));
        else if (!InDateRange(date))
            errors.Add(new InputError(field, $"The {what} must be {DateRangeText}."));
        else
            return date;
        return null;
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
