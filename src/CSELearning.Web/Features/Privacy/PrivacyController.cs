using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Privacy;

// The privacy notice: what the service holds, why, for how long (the configured retention periods) and how to
// exercise one's rights. Open to everyone: people should be able to read it before they ever sign in.
[AllowAnonymous]
public sealed class PrivacyController : Controller
{
    [HttpGet("/privacy")]
    public IActionResult Notice([FromServices] IOptions<RetentionOptions> retention) => View("Notice", retention.Value);
}
