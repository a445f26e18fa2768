using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Teams;

[Authorize(Policy = Policies.Administrator)]
[Route("admin")]
public sealed class TeamsController : Controller
{
    [HttpGet("agencies/{id:guid}/teams/new")]
    public async Task<IActionResult> Create(Guid id, [FromServices] Create.Handler handler, CancellationToken cancellationToken) =>
        await handler.FormAsync(id, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("agencies/{id:guid}/teams/new")]
    public async Task<IActionResult> Create(Guid id, Create.Input input, [FromServices] Create.Handler handler, CancellationToken cancellationToken)
    {
        input.AgencyId = id;
        var outcome = await handler.HandleAsync(input, cancellationToken);
        return await this.FinishAsync(outcome, "Team added",
            saved => $"/admin/partnerships/{saved}",
            async () => View(await handler.FormAsync(id, cancellationToken, input)));
    }

    [HttpGet("teams/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] Edit.Handler handler, CancellationToken cancellationToken) =>
        await handler.FormAsync(id, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("teams/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Edit.Input input, [FromServices] Edit.Handler handler, CancellationToken cancellationToken)
    {
        input.Id = id;
        var outcome = await handler.HandleAsync(input, cancellationToken);
        return await this.FinishAsync(outcome, "Team saved",
            saved => $"/admin/partnerships/{saved}",
            async () => View(await handler.FormAsync(id, cancellationToken, input)));
    }
}
