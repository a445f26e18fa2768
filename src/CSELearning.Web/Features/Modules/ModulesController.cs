using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Modules;

// Open to everyone signed in (the fallback policy), not only the Learner role: supervisors, commissioners and
// administrators read what their staff are taught, and reading content records nothing about anyone.
[Route("modules")]
public sealed class ModulesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Catalogue.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    [HttpGet("{id}")]
    public IActionResult Start(string id, [FromServices] Start.Handler handler) =>
        handler.Handle(id) is { } model ? View(model) : NotFound();

    [HttpGet("{id}/{section}")]
    public IActionResult Read(string id, string section, [FromServices] Read.Handler handler) =>
        handler.Handle(id, section) is { } model ? View(model) : NotFound();
}
