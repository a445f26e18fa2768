using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] Dashboard.Handler handler, CancellationToken cancellationToken) =>
        View("Dashboard", await handler.HandleAsync(User, cancellationToken));
}
