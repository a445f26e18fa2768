using System.Globalization;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CSELearning.Web.Features.Administration;

/// <summary>A problem with one field of a form, in words for the person who filled it in.</summary>
public sealed record InputError(string Field, string Message);

/// <summary>
/// What an administration command did: the id of what it saved, or why it saved nothing (the input was
/// wrong, or what it names does not exist).
/// </summary>
public sealed record Outcome(Guid? Id, IReadOnlyList<InputError> Errors, bool Missing = false)
{
    public bool Succeeded => !Missing && Errors.Count == 0;

    public static Outcome Saved(Guid id) => new(id, []);

    public static Outcome NotFound() => new(null, [], Missing: true);

    public static Outcome Refused(IReadOnlyList<InputError> errors) => new(null, errors);

    public static Outcome Refused(string field, string message) => new(null, [new InputError(field, message)]);
}

public static class InputErrors
{
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<InputError> errors)
    {
        foreach (var error in errors) modelState.AddModelError(error.Field, error.Message);
    }

    /// <summary>Runs one of the domain's rules: null when it passes, else the message it refuses with.</summary>
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

    /// <summary>The domain's rule for the name of a partnership, agency or team: the trimmed name, or why it is refused.</summary>
    public static string? CheckName(string? name, string field, List<InputError> errors, int max = Partnership.NameMaxLength)
    {
        string? accepted = null;
        if (RefusalOf(() => accepted = Partnership.RequireName(name ?? "", max)) is { } refusal)
            errors.Add(new InputError(field, refusal));
        return accepted;
    }

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A date typed as year-month-day (as a browser's date field sends it); null and an error when it is not one.</summary>
    public static DateOnly? CheckDate(string? text, string field, string what, List<InputError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new InputError(field, $"Enter the {what}."));
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new InputError(field, $"The {what} must be a real date, written like 2026-11-21."));
        return null;
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

public static class OutcomeResults
{
    /// <summary>
    /// How an administration form ends: not found when what it names has gone, the form again with its
    /// errors when refused, or the confirmation on the next page when saved.
    /// </summary>
    public static async Task<IActionResult> FinishAsync(this Controller controller, Outcome outcome, string confirmation,
        Func<Guid, string> next, Func<Task<IActionResult>> redisplay)
    {
        if (outcome.Missing) return controller.NotFound();
        if (!outcome.Succeeded)
        {
            controller.ModelState.AddErrors(outcome.Errors);
            return await redisplay();
        }
        Shared.Flash.Set(controller.TempData, confirmation);
        return controller.Redirect(next(outcome.Id!.Value));
    }

    public static Task<IActionResult> FinishAsync(this Controller controller, Outcome outcome, string confirmation,
        Func<Guid, string> next, Func<IActionResult> redisplay) =>
        controller.FinishAsync(outcome, confirmation, next, () => Task.FromResult(redisplay()));
}
