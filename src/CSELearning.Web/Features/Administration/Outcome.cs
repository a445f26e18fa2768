using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration;

// What an administration command did: the id of what it saved, or why it saved nothing (the input was
// wrong, or what it names does not exist).
public sealed record Outcome(Guid? Id, IReadOnlyList<InputError> Errors, bool Missing = false)
{
    public bool Succeeded => !Missing && Errors.Count == 0;

    public static Outcome Saved(Guid id) => new(id, []);

    public static Outcome NotFound() => new(null, [], Missing: true);

    public static Outcome Refused(IReadOnlyList<InputError> errors) => new(null, errors);

    public static Outcome Refused(string field, string message) => new(null, [new InputError(field, message)]);
}

public static class OutcomeResults
{
    // How an administration form ends: not found when what it names has gone, the form again with its
    // errors when refused, or the confirmation on the next page when saved.
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
