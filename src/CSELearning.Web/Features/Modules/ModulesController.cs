using CSELearning.Web.Content;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Modules;

// Open to everyone signed in (the fallback policy), not only the Learner role: supervisors, commissioners and
// administrators read what their staff are taught and may take the modules themselves. Every record a
// request reads or writes is the signed-in person's own: no address names another learner's progress.
[Route("modules")]
public sealed class ModulesController : Controller
{
    private const string StartFirstMessage = "Start the module to take part: your progress is saved as you go.";

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
            Scenario => Show(await play.ShowAsync(User, id, section, cancellationToken)),
            KnowledgeCheck => Show(await check.ShowAsync(User, id, section, cancellationToken)),
            ContentPage or Reflection when await read.HandleAsync(User, id, section, cancellationToken) is { } model => View("Read", model),
            _ => NotFound(),
        };

    [HttpPost("{id}/{section}/choose")]
    public async Task<IActionResult> Choose(string id, string section, Choose.Input input, [FromServices] Choose.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.HandleAsync(User, id, section, input, cancellationToken));

    [HttpPost("{id}/{section}/back")]
    public async Task<IActionResult> GoBack(string id, string section, GoBack.Input input, [FromServices] GoBack.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.HandleAsync(User, id, section, input, cancellationToken));

    [HttpPost("{id}/{section}/start-again")]
    public async Task<IActionResult> StartAgain(string id, string section, StartAgain.Input input, [FromServices] StartAgain.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.HandleAsync(User, id, section, input, cancellationToken));

    [HttpPost("{id}/{section}/answers")]
    public async Task<IActionResult> SubmitAnswers(string id, string section, [FromServices] SubmitAnswers.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.HandleAsync(User, id, section, await Request.ReadFormAsync(cancellationToken), cancellationToken));

    [HttpGet("{id}/{section}/attempts/{number:int}")]
    public async Task<IActionResult> Attempt(string id, string section, int number, [FromServices] AttemptResult.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.HandleAsync(User, id, section, number, cancellationToken));

    [HttpGet("{id}/completion")]
    public async Task<IActionResult> Completion(string id, [FromServices] Completion.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.ShowAsync(User, id, cancellationToken));

    [HttpPost("{id}/completion")]
    public async Task<IActionResult> Complete(string id, [FromForm] string? progress, [FromServices] Completion.Handler handler, CancellationToken cancellationToken) =>
        Show(await handler.CompleteAsync(User, id, progress, cancellationToken));

    private IActionResult Show(PlayScenario.Result result) => result switch
    {
        PlayScenario.Moved moved => Redirect(moved.Url),
        PlayScenario.StartFirst start => StartFirst(start.Url),
        PlayScenario.Show show => View("PlayScenario", show.Model).WithStatus(show.StatusCode),
        _ => NotFound(),
    };

    private IActionResult Show(TakeCheck.Result? result) => result switch
    {
        TakeCheck.Submitted submitted => Redirect(submitted.Url),
        TakeCheck.StartFirst start => StartFirst(start.Url),
        TakeCheck.Show show => View("TakeCheck", show.Model).WithStatus(show.StatusCode),
        AttemptResult.Shown shown => View("AttemptResult", shown.Model),
        _ => NotFound(),
    };

    private IActionResult Show(Completion.Result result)
    {
        switch (result)
        {
            case Modules.Completion.Completed completed:
                Flash.Set(TempData, "Module completed: your completion has been recorded");
                return Redirect(completed.Url);
            case Modules.Completion.StartFirst start:
                return StartFirst(start.Url);
            case Modules.Completion.Show show:
                return View("Completion", show.Model).WithStatus(show.StatusCode);
            default:
                return NotFound();
        }
    }

    private RedirectResult StartFirst(string url)
    {
        Flash.SetNotice(TempData, StartFirstMessage);
        return Redirect(url);
    }
}
