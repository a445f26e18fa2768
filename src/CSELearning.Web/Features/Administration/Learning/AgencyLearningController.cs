using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Learning;

[Authorize(Policy = Policies.Administrator)]
[Route("admin")]
public sealed class AgencyLearningController : Controller
{
    [HttpGet("agencies/{id:guid}/learning")]
    public async Task<IActionResult> Show(Guid id, [FromQuery] string? module, [FromServices] AgencyLearning.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, module, cancellationToken) is { } model ? View("AgencyLearning", model) : NotFound();
}
