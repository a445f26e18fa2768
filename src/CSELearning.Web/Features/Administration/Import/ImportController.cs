using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Import;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/users/import")]
public sealed class ImportController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Import([FromServices] ImportUsers.Handler handler, CancellationToken cancellationToken) =>
        View("ImportUsers", await handler.FormAsync(null, [], cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Import(ImportUsers.Input input, [FromServices] ImportUsers.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return View("ImportUsers", await handler.FormAsync(input.PartnershipId, result.Problems, cancellationToken));
        }
        Flash.Set(TempData, result.Imported == 1 ? "1 account imported" : $"{result.Imported} accounts imported");
        return Redirect("/admin/users");
    }
}
