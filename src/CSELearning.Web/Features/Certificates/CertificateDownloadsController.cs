using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CSELearning.Web.Features.Certificates;

[Authorize(Policy = Policies.Reporting)]
[Route("certificates")]
public sealed class CertificateDownloadsController : Controller
{
    [HttpGet("download")]
    public async Task<IActionResult> Start([FromServices] Download.Handler handler, CancellationToken cancellationToken) =>
        View("Download", await handler.FormAsync(User, new Download.Query(), cancellationToken));

    // Writes the ZIP straight to the response as it is made: no Content-Length, nothing held whole in memory.
    [HttpGet("download.zip")]
    public async Task<IActionResult> Zip([FromQuery] Download.Query query, [FromServices] Download.Handler handler, CancellationToken cancellationToken)
    {
        switch (await handler.PlanAsync(User, query, cancellationToken))
        {
            case Download.NotFound:
                return NotFound();
            case Download.Invalid invalid:
                ModelState.AddErrors(invalid.Errors);
                return View("Download", await handler.FormAsync(User, query, cancellationToken)).WithStatus(StatusCodes.Status400BadRequest);
            case Download.Plan plan:
                Response.ContentType = "application/zip";
                Response.Headers.CacheControl = "no-store";
                Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = plan.FileName, FileName = plan.FileName }.ToString();
                await handler.WriteAsync(plan, User, Response.Body, cancellationToken);
                return new EmptyResult();
            default:
                throw new InvalidOperationException("Unknown download result.");
        }
    }
}
