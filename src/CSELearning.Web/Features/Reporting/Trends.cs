using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

// Completions by people who have since left still count, because they happened, under the agency and job role they
// had when they completed.
public static class Trends
{
    public sealed record Row(string Agency, IReadOnlyList<Figure> Months);

    public sealed record Model(ReportFilter Filter, ReportScope Scope, IReadOnlyList<Option> Modules, IReadOnlyList<DateOnly> Months,
        IReadOnlyList<Row> Agencies, Row Total, IReadOnlyList<string> Errors) : IReportModel
    {
        public static string MonthName(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

        public IEnumerable<IEnumerable<string?>> CsvRows()
        {
            yield return ["Agency", .. Months.Select(MonthName)];
            foreach (var row in Agencies.Append(Total)) yield return [row.Agency, .. row.Months.Select(m => m.ToString())];
        }
    }

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, TimeProvider clock)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, ReportFilter filter, IReadOnlyList<string> bindingErrors, CancellationToken ct)
        {
            if (await ReportScope.ResolveAsync(db, principal, filter, ct) is not { } scope) return null;
            var modules = catalog.Modules.OrderBy(m => m.Title).Select(m => new Option(m.Id, m.Title)).ToList();
            var errors = bindingErrors.Concat(filter.Problems()).ToList();
            if (filter.Module is { Length: > 0 } moduleId && modules.All(m => m.Value != moduleId)) errors.Add("Choose a module from the list");

            var now = clock.GetUtcNow().UtcDateTime;
            var first = new DateOnly(now.Year, now.Month, 1).AddMonths(-11);
            var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();
            if (errors.Count > 0)
                return new Model(filter, scope, modules, months, [], new Row("All agencies", []), errors.Distinct().ToList());

            var partnershipId = scope.PartnershipId;
            var completions = db.CompletionCounts.AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.Month >= first);
            if (filter.Module is { Length: > 0 } module) completions = completions.Where(c => c.ModuleId == module);
            if (filter.Agency is { } agency) completions = completions.Where(c => c.AgencyId == agency);
            if (filter.Role is { } role)
            {
                var name = role.ToString();
                completions = completions.Where(c => c.JobRole == name);
            }
            var counts = (await completions
                .GroupBy(c => new { c.AgencyId, c.Month })
                .Select(g => new { g.Key.AgencyId, g.Key.Month, Count = g.Sum(c => c.Completions) })
                .ToListAsync(ct))
                .Select(c => new { c.AgencyId, c.Month.Year, c.Month.Month, c.Count }).ToList();

            int[] Cells(IEnumerable<(int Year, int Month, int Count)> cells) =>
                [.. months.Select(m => cells.Where(c => c.Year == m.Year && c.Month == m.Month).Sum(c => c.Count))];

            var shown = scope.Agencies.Where(a => filter.Agency is null || a.Value == filter.Agency.ToString()).ToList();
            var byAgency = shown.Select(a => Cells(counts.Where(c => c.AgencyId.ToString() == a.Value).Select(c => (c.Year, c.Month, c.Count)))).ToList();
            var totals = Cells(counts.Select(c => (c.Year, c.Month, c.Count)));
            // Each month's agencies add up to its total below them; the months have no total, so each month is a sum of its own.
            var kinds = months.Select((_, m) => Suppression.ProtectSum([.. byAgency.Select(a => a[m])], totals[m], totalShownElsewhere: false)).ToList();
            var agencies = shown.Select((a, i) => new Row(a.Text, [.. months.Select((_, m) => Figure.Count(byAgency[i][m], kinds[m].Parts[i]))])).ToList();
            var total = new Row(filter.Agency is null ? "All agencies" : "Total", [.. months.Select((_, m) => Figure.Count(totals[m], kinds[m].Total))]);
            return new Model(filter, scope, modules, months, agencies, total, []);
        }
    }
}
