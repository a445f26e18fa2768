using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Privacy;

// Open to everyone: people should be able to read it before they ever sign in.
[AllowAnonymous]
public sealed class PrivacyController : Controller
{
    [HttpGet("/privacy")]
    public IActionResult Notice([FromServices] IOptions<RetentionOptions> retention) => View("Notice", retention.Value);
}
