using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration;

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
