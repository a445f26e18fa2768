using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.MyLearning;

[Route("my-learning")]
public sealed class MyLearningController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    [HttpGet("record.pdf")]
    public async Task<IActionResult> Record([FromQuery] bool reflections, [FromServices] Record.Handler handler, CancellationToken cancellationToken) =>
        this.PdfDownload(await handler.HandleAsync(User, reflections, cancellationToken), "learning-record.pdf");
    [HttpGet("certificates/{number}.pdf")]
    public async Task<IActionResult> Certificate(string number, [FromServices] DownloadCertificate.Handler handler, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return await handler.HandleAsync(User, number, cancellationToken) switch
        {
            DownloadCertificate.Pdf pdf => File(pdf.Bytes, "application/pdf", pdf.FileName),
            DownloadCertificate.Revoked revoked => View("CertificateRevoked", revoked.Number).WithStatus(StatusCodes.Status410Gone),
            _ => NotFound(),
        };
    }
}
