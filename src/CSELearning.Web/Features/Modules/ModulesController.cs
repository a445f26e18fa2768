using CSELearning.Web.Content;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Modules;

// Open to everyone signed in (the fallback policy), not only the Learner role: supervisors, commissioners and
// administrators read what their staff are taught and may take the modules themselves. Every record a
// request reads or writes is the signed-in person's own: no address names another learner's progress.
[Route("modules")]
public sealed class ModulesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Catalogue.Handler handler, CancellationToken cancellationToken) =>
        View("Catalogue", await handler.HandleAsync(User, cancellationToken));

    [HttpGet("{id}")]
    public async Task<IActionResult> Start(string id, [FromServices] Start.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id}/start")]
    public async Task<IActionResult> Begin(string id, [FromServices] Begin.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(User, id, cancellationToken) is { } result ? Redirect(result.Url) : NotFound();

    [HttpGet("{id}/{section}")]
    public async Task<IActionResult> Section(string id, string section, [FromServices] ContentCatalog catalog,
        [FromServices] Read.Handler read, [FromServices] PlayScenario.Handler play, [FromServices] TakeCheck.Handler check,
        CancellationToken cancellationToken) => catalog.Find(id)?.FindSection(section) switch
        {
            Scenario => this.Respond(await play.ShowAsync(User, id, section, cancellationToken), "PlayScenario"),
            KnowledgeCheck => this.Respond(await check.ShowAsync(User, id, section, cancellationToken), "TakeCheck"),
            ContentPage or Reflection when await read.HandleAsync(User, id, section, cancellationToken) is { } model => View("Read", model),
            _ => NotFound(),
        };

    [HttpPost("{id}/{section}/choose")]
    public async Task<IActionResult> Choose(string id, string section, Choose.Input input, [FromServices] Choose.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, section, input, Request.Form.Keys, cancellationToken), "PlayScenario");

    [HttpPost("{id}/{section}/back")]
    public async Task<IActionResult> GoBack(string id, string section, GoBack.Input input, [FromServices] GoBack.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, section, input, cancellationToken), "PlayScenario");

    [HttpPost("{id}/{section}/start-again")]
    public async Task<IActionResult> StartAgain(string id, string section, StartAgain.Input input, [FromServices] StartAgain.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, section, input, cancellationToken), "PlayScenario");

    [HttpPost("{id}/{section}/answers")]
    public async Task<IActionResult> SubmitAnswers(string id, string section, [FromServices] SubmitAnswers.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, section, await Request.ReadFormAsync(cancellationToken), cancellationToken), "TakeCheck");

    [HttpGet("{id}/{section}/attempts/{number:int}")]
    public async Task<IActionResult> Attempt(string id, string section, int number, [FromServices] AttemptResult.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, section, number, cancellationToken), "AttemptResult");

    [HttpGet("{id}/completion")]
    public async Task<IActionResult> Completion(string id, [FromServices] Completion.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.ShowAsync(User, id, cancellationToken), "Completion");

    [HttpPost("{id}/completion")]
    public async Task<IActionResult> Complete(string id, [FromForm] string? progress, [FromServices] Completion.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.CompleteAsync(User, id, progress, Request.Form.Keys, cancellationToken), "Completion");
}
