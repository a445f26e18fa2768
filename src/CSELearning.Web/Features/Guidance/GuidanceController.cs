using CSELearning.Web.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Guidance;

// Open to everyone: they hold nobody's data, and someone who needs support should never meet a sign-in page first.
[AllowAnonymous]
public sealed class GuidanceController : Controller
{
    [HttpGet("/glossary")]
    public IActionResult Glossary([FromServices] ContentCatalog catalog) => Show(catalog, "glossary");

    [HttpGet("/support")]
    public IActionResult Support([FromServices] ContentCatalog catalog) => Show(catalog, "support");

    [HttpGet("/law")]
    public IActionResult Law([FromServices] ContentCatalog catalog) => Show(catalog, "law");

    private IActionResult Show(ContentCatalog catalog, string id) =>
        catalog.Page(id) is { } page ? View("Page", page) : NotFound();
}
