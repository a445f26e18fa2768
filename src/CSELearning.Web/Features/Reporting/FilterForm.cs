namespace CSELearning.Web.Features.Reporting;

// What the shared filter form (_Filters.cshtml) needs to draw itself for one report.
public sealed record FilterForm(string Heading, string Description, string Action, ReportFilter Filter, ReportScope Scope,
    IReadOnlyList<Option> Modules, IReadOnlyList<string> Errors, bool ShowPeriod, bool ModuleRequired, bool ShowRole = true)
{
    // The report views, each keeping the filters when another is chosen.
    public static readonly IReadOnlyList<(string Text, string Href)> Views =
    [
        ("Uptake", "/reports/uptake"),
        ("Targets", "/reports/targets"),
        ("Trends", "/reports/trends"),
        ("Scenario choices", "/reports/scenarios"),
    ];
}
