using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Notifications;

// Every signed-in person has their own notifications and preferences; nobody sees anyone else's.
[Route("notifications")]
public sealed class NotificationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Index.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    [HttpPost("{id:guid}/read")]
    public async Task<IActionResult> MarkRead(Guid id, [FromServices] MarkRead.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, id, cancellationToken), "Index");

    [HttpPost("read")]
    public async Task<IActionResult> MarkAllRead([FromServices] MarkAllRead.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, cancellationToken), "Index");

    [HttpGet("preferences")]
    public async Task<IActionResult> Preferences([FromServices] Preferences.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User, cancellationToken));

    [HttpPost("preferences")]
    public async Task<IActionResult> Preferences([FromForm] SavePreferences.Input input, [FromServices] SavePreferences.Handler handler, CancellationToken cancellationToken) =>
        this.Respond(await handler.HandleAsync(User, input, cancellationToken), "Preferences");
}
