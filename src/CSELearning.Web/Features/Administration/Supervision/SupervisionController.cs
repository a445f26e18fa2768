using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Supervision;

[Authorize(Policy = Policies.Administrator)]
[Route("admin")]
public sealed class SupervisionController : Controller
{
    private const string PersonPage = "~/Features/Administration/Users/Details.cshtml";

    [HttpGet("users/{id:guid}/supervisors/new")]
    public async Task<IActionResult> Assign(Guid id, [FromServices] Assign.Handler handler, CancellationToken cancellationToken) =>
        await handler.FormAsync(id, null, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("users/{id:guid}/supervisors/new")]
    public async Task<IActionResult> Assign(Guid id, Assign.Input input, [FromServices] Assign.Handler handler, CancellationToken cancellationToken)
    {
        input.SuperviseeId = id;
        var outcome = await handler.HandleAsync(input, cancellationToken);
        return await this.FinishAsync(outcome, "Supervisor added",
            _ => $"/admin/users/{id}",
            async () => View(await handler.FormAsync(id, input, cancellationToken)));
    }

    [HttpPost("supervision/{id:guid}/end")]
    public async Task<IActionResult> End(Guid id, End.Input input, [FromServices] End.Handler handler,
        [FromServices] Users.Details.Handler person, CancellationToken cancellationToken)
    {
        input.Id = id;
        var outcome = await handler.HandleAsync(input, cancellationToken);
        // The form lives on the supervisee's page, so the problem is shown there.
        return await this.FinishAsync(outcome, "Supervision ended",
            saved => $"/admin/users/{saved}",
            async () => View(PersonPage, await person.HandleAsync(outcome.Id!.Value, User, cancellationToken)));
    }
}
