using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Supervision;

[Route("supervision/records")]
public sealed class SupervisionRecordsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Guid? supervisee, [FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, supervisee, cancellationToken) is { } model ? View(model) : NotFound();

    [Authorize(Policy = Policies.Supervisor)]
    [HttpGet("new")]
    public async Task<IActionResult> Start([FromQuery] Guid? supervisee, [FromServices] Start.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ShowAsync(User, supervisee, cancellationToken), "Start");

    [Authorize(Policy = Policies.Supervisor)]
    [HttpPost("new")]
    public async Task<IActionResult> Start([FromQuery] Guid? supervisee, RecordForm form, [FromServices] Start.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.CreateAsync(User, supervisee, form, cancellationToken), "Start");

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Open(Guid id, [FromServices] Open.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, cancellationToken) is { } model ? View("Open", model) : NotFound();

    [HttpGet("{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] Download.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, cancellationToken) is { } pdf ? this.PdfDownload(pdf.Bytes, pdf.FileName) : NotFound();

    [HttpGet("{id:guid}/calendar.ics")]
    public async Task<IActionResult> Calendar(Guid id, [FromServices] Calendar.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(User, id, cancellationToken) is not { } ics) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(ics.Bytes, "text/calendar; charset=utf-8", ics.FileName);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, RecordForm form, [FromServices] Save.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpPost("{id:guid}/comments")]
    public async Task<IActionResult> Comment(Guid id, Comment.Input input, [FromServices] Comment.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, input, cancellationToken), "Open");

    [HttpPost("{id:guid}/autosave")]
    public async Task<IActionResult> Autosave(Guid id, RecordForm form, [FromServices] Save.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, form, cancellationToken) switch
        {
            Supervision.Save.Saved saved => Json(new { version = saved.Version, savedAt = saved.At, actions = saved.ActionIds }),
            Page<Open.Model> refused => new JsonResult(new { message = refused.Model.Problem ?? refused.Model.Editor?.Errors.Values.FirstOrDefault() }) { StatusCode = refused.StatusCode },
            Forbidden => Forbid(),
            _ => NotFound(),
        };

    [HttpPost("{id:guid}/sign")]
    public async Task<IActionResult> Sign(Guid id, RecordForm form, [FromServices] Sign.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpGet("{id:guid}/sign")]
    public async Task<IActionResult> ConfirmSign(Guid id, [FromServices] Sign.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ShowAsync(User, id, cancellationToken), "Sign");

    [HttpPost("{id:guid}/sign/confirm")]
    public async Task<IActionResult> ConfirmSign(Guid id, Sign.Input input, [FromServices] Sign.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ConfirmAsync(User, id, input, cancellationToken), "Open");

    [HttpPost("{id:guid}/acknowledge")]
    public async Task<IActionResult> Acknowledge(Guid id, Comment.Input input, [FromServices] Acknowledge.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.PressAsync(User, id, input, cancellationToken), "Open");

    [HttpGet("{id:guid}/acknowledge")]
    public async Task<IActionResult> ConfirmAcknowledge(Guid id, [FromServices] Acknowledge.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ShowAsync(User, id, cancellationToken), "Acknowledge");

    [HttpPost("{id:guid}/acknowledge/confirm")]
    public async Task<IActionResult> ConfirmAcknowledge(Guid id, Acknowledge.Input input, [FromServices] Acknowledge.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ConfirmAsync(User, id, input, cancellationToken), "Open");
}
