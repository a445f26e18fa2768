using System.Security.Claims;
using CSELearning.Web.Domain.Reporting;
using CSELearning.Web.Features.Reporting;

namespace CSELearning.Web.Features.Home;

// The uptake targets in the commissioner's partnership that are behind or missed, read from the targets report,
// so a status suppressed there (fewer than 5) is never listed here.
public static class CommissionerTasks
{
    public sealed record TargetToWatch(string Agency, string Module, int Percent, DateOnly DueOn, TargetStatus Status, string Rate, string Url);

    public sealed class Handler(Targets.Handler targets)
    {
        public async Task<IReadOnlyList<TargetToWatch>> HandleAsync(ClaimsPrincipal principal, CancellationToken ct)
        {
            if (await targets.ListAsync(principal, new ReportFilter(), ct) is not { } report) return [];
            return report.Rows
                .Where(r => r.Status is TargetStatus.Missed or TargetStatus.Behind)
                .OrderBy(r => r.Status == TargetStatus.Missed ? 0 : 1).ThenBy(r => r.DueOn)
                .Select(r => new TargetToWatch(r.Agency, r.Module, r.Percent, r.DueOn, r.Status!.Value, r.Rate.ToString(),
                    "/reports/targets" + new ReportFilter { Partnership = report.Filter.Partnership, Agency = r.AgencyId, Module = r.ModuleId }.Query()))
                .ToList();
        }
    }
}
