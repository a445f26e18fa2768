using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Administration.Certificates;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/certificates")]
public sealed class CertificatesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Find([FromQuery] string? number, [FromServices] Find.Handler handler, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number)) return View(new Find.Model(null));
        if (await handler.HandleAsync(number, cancellationToken) is { } id) return Redirect($"/admin/certificates/{id}");
        ModelState.AddModelError("number", "No certificate has that number. Check it against the certificate, like CSE-2026-ABCD2345.");
        return View(new Find.Model(number));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, [FromServices] Details.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, Revoke.Input input, [FromServices] Revoke.Handler handler, [FromServices] Details.Handler details, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, input, User, cancellationToken);
        return await this.FinishAsync(outcome, "Certificate revoked. Its verification link now shows it as revoked.",
            _ => $"/admin/certificates/{id}",
            async () => View(nameof(Details), await details.HandleAsync(id, input.Reason, cancellationToken)));
    }
}
