using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Partnerships;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/partnerships")]
public sealed class PartnershipsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult Create() => View(new Create.Input());

    [HttpPost("new")]
    public async Task<IActionResult> Create(Create.Input input, [FromServices] Create.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(input, cancellationToken);
        return await this.FinishAsync(outcome, "Partnership added", saved => $"/admin/partnerships/{saved}", () => View(input));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, [FromServices] Details.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] Edit.Handler handler, CancellationToken cancellationToken) =>
        await handler.FormAsync(id, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Edit.Input input, [FromServices] Edit.Handler handler, CancellationToken cancellationToken)
    {
        input.Id = id;
        var outcome = await handler.HandleAsync(input, cancellationToken);
        return await this.FinishAsync(outcome, "Partnership saved", _ => $"/admin/partnerships/{id}", () => View(input));
    }
}
