using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Audit;

// The audit trail, read-only: there is no way to change or delete an entry.
[Authorize(Policy = Policies.Administrator)]
[Route("admin/audit")]
public sealed class AuditController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page, [FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(page, cancellationToken));
}
