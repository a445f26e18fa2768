using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.KeptDrafts;

// Signed-in people only (the fallback policy); each sees and discards only their own.
[Route("kept-drafts")]
public sealed class KeptDraftsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    [HttpPost("{id:guid}/discard")]
    public async Task<IActionResult> Discard(Guid id, [FromServices] Discard.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(User, id, cancellationToken)) return NotFound();
        Flash.Set(TempData, "Kept text discarded");
        return Redirect("/kept-drafts");
    }
}
