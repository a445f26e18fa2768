using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Overview;

[Authorize(Policy = Policies.Administrator)]
[Route("admin")]
public sealed class AdministrationController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Summary.Handler handler, CancellationToken cancellationToken) =>
        View("Summary", await handler.HandleAsync(cancellationToken));
}
