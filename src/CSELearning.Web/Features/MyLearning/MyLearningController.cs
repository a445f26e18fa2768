using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.MyLearning;

// Everyone signed in has their own learning record (the fallback policy); it shows only their own.
[Route("my-learning")]
public sealed class MyLearningController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));
}
