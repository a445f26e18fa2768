using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Users;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/users")]
public sealed class UsersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Index.Query query, [FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(query, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create([FromServices] Create.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.FormAsync(null, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(Create.Input input, [FromServices] Create.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(input, cancellationToken);
        return await this.FinishAsync(outcome, "Account created. We have emailed them a link to choose a password.",
            saved => $"/admin/users/{saved}",
            async () => View(await handler.FormAsync(input, cancellationToken)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, [FromServices] Details.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, User, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] Edit.Handler handler, CancellationToken cancellationToken) =>
        await handler.FormAsync(id, null, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Edit.Input input, [FromServices] Edit.Handler handler, CancellationToken cancellationToken)
    {
        input.Id = id;
        var outcome = await handler.HandleAsync(input, User, cancellationToken);
        return await this.FinishAsync(outcome, "Changes saved",
            _ => $"/admin/users/{id}",
            async () => View(await handler.FormAsync(id, input, cancellationToken)));
    }

    [HttpPost("{id:guid}/deactivate")]
    public async Task<IActionResult> Deactivate(Guid id, [FromServices] Deactivate.Handler handler, [FromServices] Details.Handler details, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, User, cancellationToken);
        return await this.FinishAsync(outcome, "Account deactivated. They have been signed out.",
            _ => $"/admin/users/{id}",
            async () => View(nameof(Details), await details.HandleAsync(id, User, cancellationToken)));
    }

    [HttpPost("{id:guid}/sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere(Guid id, [FromServices] SignOutEverywhere.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, User, cancellationToken);
        return await this.FinishAsync(outcome, "Signed out everywhere. They will need to sign in again on every device.",
            _ => $"/admin/users/{id}",
            () => NotFound());
    }

    [HttpPost("{id:guid}/reactivate")]
    public async Task<IActionResult> Reactivate(Guid id, [FromServices] Reactivate.Handler handler, [FromServices] Details.Handler details, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, cancellationToken);
        return await this.FinishAsync(outcome, "Account reactivated",
            _ => $"/admin/users/{id}",
            async () => View(nameof(Details), await details.HandleAsync(id, User, cancellationToken)));
    }

    [HttpGet("{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id, [FromServices] Erase.Handler handler, CancellationToken cancellationToken) =>
        await handler.FormAsync(id, User, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id, Erase.Input input, [FromServices] Erase.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, input, User, cancellationToken);
        return await this.FinishAsync(outcome, "Personal data erased. The account is closed for good.",
            _ => $"/admin/users/{id}",
            async () => await handler.FormAsync(id, User, cancellationToken) is { } model ? View(model) : NotFound());
    }
}
