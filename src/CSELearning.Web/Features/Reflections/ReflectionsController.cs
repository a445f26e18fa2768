using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Reflections;

[Route("reflections")]
public sealed class ReflectionsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    // The route takes no id, so the PDF can only ever be the person's own logs.
    [HttpGet("export.pdf")]
    public async Task<IActionResult> Export([FromServices] Export.Handler handler, CancellationToken cancellationToken) =>
        this.PdfDownload(await handler.HandleAsync(User, cancellationToken), "reflective-logs.pdf");

    [HttpPost("new")]
    public async Task<IActionResult> Create(Create.Input input, [FromServices] Create.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, input, cancellationToken) is { } id ? Redirect($"/reflections/{id}") : NotFound();

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Open(Guid id, [FromServices] Open.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, cancellationToken) is { } model ? View("Open", model) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, LogForm form, [FromServices] Save.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpPost("{id:guid}/autosave")]
    public async Task<IActionResult> Autosave(Guid id, LogForm form, [FromServices] Save.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, form, cancellationToken) switch
        {
            Reflections.Save.Saved saved => Json(new { version = saved.Version, savedAt = saved.At }),
            Page<Open.Model> refused => new JsonResult(new { message = refused.Model.Problem ?? refused.Model.Errors.Values.FirstOrDefault() }) { StatusCode = refused.StatusCode },
            _ => NotFound(),
        };

    [HttpPost("{id:guid}/save-as-new")]
    public async Task<IActionResult> SaveAsNew(Guid id, LogForm form, [FromServices] SaveAsDraft.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(User, id, form, cancellationToken) is not { } copy) return NotFound();
        Flash.Set(TempData, "Your text has been saved as a new draft");
        return Redirect($"/reflections/{copy}");
    }

    [HttpGet("{id:guid}/share")]
    public async Task<IActionResult> Share(Guid id, [FromServices] Share.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ShowAsync(User, id, cancellationToken), "Share");

    [HttpPost("{id:guid}/share")]
    public async Task<IActionResult> Share(Guid id, Share.Input input, [FromServices] Share.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ShareAsync(User, id, input, cancellationToken), "Share");

    [HttpPost("{id:guid}/comments")]
    public async Task<IActionResult> Comment(Guid id, ReviewForm form, [FromServices] Comment.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpPost("{id:guid}/review/autosave")]
    public async Task<IActionResult> AutosaveReview(Guid id, ReviewForm form, [FromServices] SaveDraft.Handler handler, CancellationToken cancellationToken) =>
        Draft(await handler.ReviewAsync(User, id, form, cancellationToken));

    [HttpPost("{id:guid}/request-revision")]
    public async Task<IActionResult> RequestRevision(Guid id, ReviewForm form, [FromServices] RequestRevision.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpPost("{id:guid}/sign-off")]
    public async Task<IActionResult> SignOff(Guid id, ReviewForm form, [FromServices] SignOff.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpPost("{id:guid}/replies")]
    public async Task<IActionResult> Reply(Guid id, RepliesForm form, [FromServices] Reply.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, form, cancellationToken), "Open");

    [HttpPost("{id:guid}/replies/autosave")]
    public async Task<IActionResult> AutosaveReplies(Guid id, RepliesForm form, [FromServices] SaveDraft.Handler handler, CancellationToken cancellationToken) =>
        Draft(await handler.RepliesAsync(User, id, form, cancellationToken));

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, Reopen.Input input, [FromServices] Reopen.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, input, cancellationToken), "Open");

    [Authorize(Policy = Policies.Supervisor)]
    [HttpGet("/supervision/caseload")]
    public async Task<IActionResult> Caseload([FromServices] Caseload.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    // An autosave's answer, as the reflective log's own autosave gives it.
    private IActionResult Draft(HandlerResult result) => result switch
    {
        SaveDraft.Saved saved => Json(new { version = saved.Version, savedAt = saved.At }),
        SaveDraft.Refused refused => new JsonResult(new { message = refused.Message }) { StatusCode = refused.StatusCode },
        Forbidden => Forbid(),
        _ => NotFound(),
    };
}
