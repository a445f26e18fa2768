using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Reporting;

// Filters live in the query string so a view can be bookmarked.
[Authorize(Policy = Policies.Reporting)]
[Route("reports")]
public sealed class ReportsController : Controller
{
    [HttpGet("uptake")]
    public async Task<IActionResult> Uptake([FromQuery] ReportFilter filter, [FromServices] Uptake.Handler handler, CancellationToken cancellationToken) =>
        Page(await handler.HandleAsync(User, filter, BindingErrors(), cancellationToken), "Uptake");

    [HttpGet("uptake.csv")]
    public async Task<IActionResult> UptakeCsv([FromQuery] ReportFilter filter, [FromServices] Uptake.Handler handler, CancellationToken cancellationToken) =>
        CsvFile(await handler.HandleAsync(User, filter, BindingErrors(), cancellationToken), "Uptake", m => $"uptake-by-{((Uptake.Model)m).Filter.By.ToString().ToLowerInvariant()}.csv");

    [HttpGet("targets")]
    public async Task<IActionResult> Targets([FromQuery] ReportFilter filter, [FromServices] Targets.Handler handler, CancellationToken cancellationToken) =>
        await handler.ListAsync(User, filter, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("targets.csv")]
    public async Task<IActionResult> TargetsCsv([FromQuery] ReportFilter filter, [FromServices] Targets.Handler handler, CancellationToken cancellationToken) =>
        await handler.ListAsync(User, filter, cancellationToken) is { } model
            ? File(Csv.Write(model.CsvRows()), "text/csv; charset=utf-8", "targets.csv")
            : NotFound();

    [HttpGet("targets/new")]
    public async Task<IActionResult> SetTarget([FromQuery] ReportFilter filter, [FromServices] Targets.Handler handler, CancellationToken cancellationToken) =>
        await handler.ShowAsync(User, filter, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("targets/new")]
    public async Task<IActionResult> SetTarget([FromQuery] Guid? partnership, [FromForm] Targets.Input input, [FromServices] Targets.Handler handler, CancellationToken cancellationToken)
    {
        switch (await handler.SetAsync(User, partnership, input, cancellationToken))
        {
            case null:
                return NotFound();
            case ({ } problems, _):
                return View(problems).WithStatus(StatusCodes.Status400BadRequest);
            case (null, var changed):
                Flash.Set(TempData, changed ? "Target changed" : "Target set");
                return Redirect("/reports/targets" + (partnership is { } p ? "?partnership=" + p : ""));
        }
    }

    [HttpPost("targets/{id:guid}/remove")]
    public async Task<IActionResult> RemoveTarget(Guid id, [FromServices] Targets.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.RemoveAsync(User, id, cancellationToken)) return NotFound();
        Flash.Set(TempData, "Target removed");
        return Redirect("/reports/targets");
    }

    [HttpGet("trends")]
    public async Task<IActionResult> Trends([FromQuery] ReportFilter filter, [FromServices] Trends.Handler handler, CancellationToken cancellationToken) =>
        Page(await handler.HandleAsync(User, filter, BindingErrors(), cancellationToken), "Trends");

    [HttpGet("trends.csv")]
    public async Task<IActionResult> TrendsCsv([FromQuery] ReportFilter filter, [FromServices] Trends.Handler handler, CancellationToken cancellationToken) =>
        CsvFile(await handler.HandleAsync(User, filter, BindingErrors(), cancellationToken), "Trends", _ => "completions-by-month.csv");

    [HttpGet("scenarios")]
    public async Task<IActionResult> Scenarios([FromQuery] ReportFilter filter, [FromServices] ScenarioChoices.Handler handler, CancellationToken cancellationToken) =>
        Page(await handler.HandleAsync(User, filter, BindingErrors(), cancellationToken), "ScenarioChoices");

    [HttpGet("scenarios.csv")]
    public async Task<IActionResult> ScenariosCsv([FromQuery] ReportFilter filter, [FromServices] ScenarioChoices.Handler handler, CancellationToken cancellationToken) =>
        CsvFile(await handler.HandleAsync(User, filter, BindingErrors(), cancellationToken), "ScenarioChoices", m => $"scenario-choices-{((ScenarioChoices.Model)m).Filter.Module}.csv");

    [HttpGet("xapi.json")]
    public async Task<IActionResult> XapiStatements([FromQuery] ReportFilter filter, [FromServices] Xapi.Handler handler, CancellationToken cancellationToken)
    {
        var problems = BindingErrors().Concat(filter.Problems()).ToList();
        if (problems.Count > 0) return BadRequest(string.Join("\n", problems));
        return await handler.HandleAsync(User, filter, Request, cancellationToken) ?? NotFound();
    }

    // The report's page; with problems in the filters, the page saying what they are (400); not found out of scope.
    private IActionResult Page(IReportModel? model, string view) =>
        model is null ? NotFound()
        : model.Errors.Count > 0 ? View(view, model).WithStatus(StatusCodes.Status400BadRequest)
        : View(view, model);

    private IActionResult CsvFile(IReportModel? model, string view, Func<IReportModel, string> fileName) =>
        model is null || model.Errors.Count > 0 ? Page(model, view)
        : File(Csv.Write(model.CsvRows()), "text/csv; charset=utf-8", fileName(model));

    private List<string> BindingErrors()
    {
        var messages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Partnership"] = "Choose a partnership from the list",
            ["Agency"] = "Choose an agency from the list",
            ["Role"] = "Choose a job role from the list",
            ["From"] = "Enter the start of the period as a date, for example 2026-04-01",
            ["To"] = "Enter the end of the period as a date, for example 2027-03-31",
            ["By"] = "Choose module, agency, team or job role to break the figures down by",
        };
        return ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => messages.GetValueOrDefault(e.Key.Split('.')[^1], "Check the filters"))
            .Distinct().ToList();
    }
}
