using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.ItemAnalysis;

[Authorize(Policy = Policies.ItemAnalysis)]
public sealed class ItemAnalysisController : Controller
{
    [HttpGet("/item-analysis")]
    public async Task<IActionResult> Index([FromQuery] ModuleItems.Query query, [FromServices] ModuleItems.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.HandleAsync(query, cancellationToken);
        return model.Errors.Count > 0 ? View("ModuleItems", model).WithStatus(StatusCodes.Status400BadRequest) : View("ModuleItems", model);
    }

    [HttpGet("/item-analysis.csv")]
    public async Task<IActionResult> Csv([FromQuery] ModuleItems.Query query, [FromServices] ModuleItems.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.HandleAsync(query, cancellationToken);
        if (model.Errors.Count > 0) return View("ModuleItems", model).WithStatus(StatusCodes.Status400BadRequest);
        return File(Shared.Csv.Write(model.CsvRows()), "text/csv; charset=utf-8", $"item-analysis-{model.Query.Module}.csv");
    }
}
