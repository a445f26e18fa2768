using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

/// <summary>
/// Uptake of the modules across a partnership: for each module, and each agency, team or job role when the
/// report is broken down by one, the learners in scope, how many started and completed, the completion rate,
/// the median learning time and how many are due a refresh. Every figure is a count of people (suppressed
/// below five, see <see cref="Figure"/>); nothing anyone wrote or answered is read.
///
/// Who is counted: active people with the Learner role in the partnership's agencies whose job role is in the
/// module's audience (all job roles when the module names none), as they are now. "Started" is a first start
/// in the period, when one is given; "completed" is a latest completion in the period of the current version or
/// of one with only wording changes since; "refresh due" counts people whose latest completion is of a version
/// a major change has superseded. The figures are grouped queries over <see cref="Domain.Reporting.UptakeRow"/>:
/// no person's rows are loaded.
/// </summary>
public static class Uptake
{
    public enum Breakdown { Module, Agency, Team, Role }

    /// <param name="GroupKey">The agency's or team's id, or the job role's name; empty for a module's row.</param>
    /// <param name="Counts">The counts behind the figures, for working out targets; never shown.</param>
    public sealed record Row(string ModuleId, string ModuleTitle, string GroupKey, string? Group, (int InScope, int Completed) Counts, Figure InScope, Figure Started, Figure Completed,
        Figure CompletionRate, Figure MedianMinutes, Figure RefreshDue);

    public sealed record Model(ReportFilter Filter, ReportScope Scope, IReadOnlyList<Option> Modules, IReadOnlyList<Row> Rows, IReadOnlyList<string> Errors) : IReportModel
    {
        public string GroupHeading => Filter.By switch
        {
            Breakdown.Agency => "Agency",
            Breakdown.Team => "Team",
            Breakdown.Role => "Job role",
            _ => "",
        };

        public static readonly string[] Headings = ["Learners in scope", "Started", "Completed", "Completion rate", "Median learning time", "Refresh due"];

        public IEnumerable<IEnumerable<string?>> CsvRows()
        {
            yield return Filter.By == Breakdown.Module ? ["Module", .. Headings] : ["Module", GroupHeading, .. Headings];
            foreach (var row in Rows)
            {
                string?[] figures = [row.InScope.ToString(), row.Started.ToString(), row.Completed.ToString(), row.CompletionRate.ToString(), row.MedianMinutes.ToString(), row.RefreshDue.ToString()];
                yield return Filter.By == Breakdown.Module ? [row.ModuleTitle, .. figures] : [row.ModuleTitle, row.Group, .. figures];
            }
        }
    }

    public sealed class Handler(AppDbContext db, ContentCatalog catalog)
    {
        /// <summary>The report, or null when the filters name something outside what this person may see.</summary>
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, ReportFilter filter, IReadOnlyList<string> bindingErrors, CancellationToken ct)
        {
            if (await ReportScope.ResolveAsync(db, principal, filter, ct) is not { } scope) return null;
            var modules = catalog.Modules.OrderBy(m => m.Title).ToList();

            var errors = bindingErrors.ToList();
            if (filter.Module is { Length: > 0 } moduleId && modules.All(m => m.Id != moduleId)) errors.Add("Choose a module from the list");
            errors.AddRange(filter.Problems());

            var rows = errors.Count == 0
                ? await RowsAsync(modules.Where(m => string.IsNullOrEmpty(filter.Module) || m.Id == filter.Module).ToList(), scope, filter, ct)
                : [];
            return new Model(filter, scope, modules.Select(m => new Option(m.Id, m.Title)).ToList(), rows, errors.Distinct().ToList());
        }

        /// <summary>The modules' uptake for each agency of the partnership, at today (no period).</summary>
        public Task<List<Row>> ByAgencyAsync(IReadOnlyList<ContentModule> modules, ReportScope scope, CancellationToken ct) =>
            RowsAsync(modules, scope, new ReportFilter { By = Breakdown.Agency }, ct);

        /// <summary>
        /// Every module's rows from one grouped query over the uptake rows (one per learner, and one per learner and
        /// module started): people are counted per agency, team and job role (a person is in exactly one of each,
        /// so these small groups add up exactly to any breakdown), and the module's audience and the breakdown are
        /// applied to those few thousand sums here. Only the learning-time histograms are asked for per module.
        /// </summary>
        private async Task<List<Row>> RowsAsync(IReadOnlyList<ContentModule> modules, ReportScope scope, ReportFilter filter, CancellationToken ct)
        {
            if (modules.Count == 0) return [];
            var (start, end) = Period(filter);
            var moduleIds = modules.Select(m => m.Id).ToList();

            // "Started" is starting the module for the first time in the period; "completed" is a latest completion,
            // of a version no major change has superseded, in the period; "refresh due" is a latest completion of a
            // superseded version (people complete versions in order, so an earlier completion is never the newer).
            // Grouped by the version completed too, so which versions are current is decided here, in memory.
            var groups = await UptakeRows(scope, filter)
                .Where(r => r.ModuleId == "" || moduleIds.Contains(r.ModuleId))
                .GroupBy(r => new { r.ModuleId, r.AgencyId, r.TeamId, r.JobRole, r.CompletedVersion })
                .Select(g => new
                {
                    g.Key.ModuleId, g.Key.AgencyId, g.Key.TeamId, g.Key.JobRole, g.Key.CompletedVersion,
                    People = g.Count(),
                    Started = g.Sum(r => r.FirstStartedAt != null && (start == null || r.FirstStartedAt >= start) && (end == null || r.FirstStartedAt < end) ? 1 : 0),
                    CompletedInPeriod = g.Sum(r => r.CompletedAt != null && (start == null || r.CompletedAt >= start) && (end == null || r.CompletedAt < end) ? 1 : 0),
                    Completed = g.Sum(r => r.CompletedAt != null ? 1 : 0),
                })
                .ToListAsync(ct);
            var current = groups.Where(g => g.CompletedVersion is not null).Select(g => (g.ModuleId, Version: g.CompletedVersion!)).Distinct()
                .Where(v => !ModuleVersion.TryParse(v.Version, out var parsed) || !modules.First(m => m.Id == v.ModuleId).IsSupersededByMajorChange(parsed))
                .ToHashSet();
            bool IsCurrent(string moduleId, string? version) => version is not null && current.Contains((moduleId, version));
            // A module's empty id marks the people in scope; the others, those who started and completed it.
            var cells = groups.Select(g => new Cell(g.ModuleId, g.AgencyId, g.TeamId, Enum.TryParse<JobRole>(g.JobRole, out var role) ? role : default,
                g.People, g.Started,
                Completed: IsCurrent(g.ModuleId, g.CompletedVersion) ? g.CompletedInPeriod : 0,
                RefreshDue: g.CompletedVersion is not null && !IsCurrent(g.ModuleId, g.CompletedVersion) ? g.Completed : 0)).ToList();

            var teams = filter.By == Breakdown.Team ? await TeamNamesAsync(cells, ct) : [];
            var rows = new List<Row>();
            foreach (var module in modules)
            {
                var moduleId = module.Id;
                bool InAudience(JobRole role) => module.Audience.Count == 0 || module.Audience.Contains(role);
                Dictionary<string, int> Sum(bool inScope, Func<Cell, int> count) => cells
                    .Where(c => (inScope ? c.ModuleId == "" : c.ModuleId == moduleId) && InAudience(c.JobRole))
                    .GroupBy(c => KeyOf(c, filter.By)).ToDictionary(g => g.Key, g => g.Sum(count));
                var moduleInScope = Sum(inScope: true, c => c.People);
                var moduleStarted = Sum(inScope: false, c => c.Started);
                var moduleCompleted = Sum(inScope: false, c => c.Completed);
                var moduleRefreshDue = Sum(inScope: false, c => c.RefreshDue);

                // Median learning time from a histogram of whole minutes per group: a few hundred rows, not one per person.
                var versions = current.Where(v => v.ModuleId == moduleId).Select(v => v.Version).ToList();
                var minutes = await HistogramAsync(OfAudience(UptakeRows(scope, filter), module)
                    .Where(r => r.ModuleId == moduleId && r.CompletedAt != null && versions.Contains(r.CompletedVersion!)
                        && (start == null || r.CompletedAt >= start) && (end == null || r.CompletedAt < end)), filter.By, ct);

                var keys = moduleInScope.Keys.Concat(moduleStarted.Keys).Distinct().ToList();
                rows.AddRange(Labels(filter.By, keys, scope, teams).Select(label =>
                {
                    int Of(Dictionary<string, int> counts) => counts.GetValueOrDefault(label.Key);
                    var histogram = minutes.GetValueOrDefault(label.Key) ?? [];
                    return new Row(module.Id, module.Title, label.Key, filter.By == Breakdown.Module ? null : label.Text, (Of(moduleInScope), Of(moduleCompleted)),
                        Figure.Count(Of(moduleInScope)), Figure.Count(Of(moduleStarted)), Figure.Count(Of(moduleCompleted)),
                        Figure.Rate(Of(moduleCompleted), Of(moduleInScope)),
                        Figure.Median(histogram.Values.Sum(), Median(histogram), "minutes"),
                        Figure.Count(Of(moduleRefreshDue)));
                }));
            }
            return rows;
        }

        /// <summary>
        /// People counted in one small group of a module (none for who is in scope), an agency, a team and a job role:
        /// in it, started, completed in the period (a current version) and due a refresh.
        /// </summary>
        private sealed record Cell(string ModuleId, Guid AgencyId, Guid? TeamId, JobRole JobRole, int People, int Started, int Completed, int RefreshDue);

        // Ids are turned into text here, in memory, as everywhere in the reports.
        private static string KeyOf(Cell cell, Breakdown by) => by switch
        {
            Breakdown.Agency => cell.AgencyId.ToString(),
            Breakdown.Team => cell.TeamId?.ToString() ?? "",
            Breakdown.Role => cell.JobRole.ToString(),
            _ => "",
        };

        /// <summary>The uptake rows of the partnership's learners (active, with the Learner role), narrowed by the agency and job role filters.</summary>
        private IQueryable<Domain.Reporting.UptakeRow> UptakeRows(ReportScope scope, ReportFilter filter)
        {
            var partnershipId = scope.PartnershipId;
            var rows = db.UptakeRows.AsNoTracking().Where(r => r.PartnershipId == partnershipId);
            if (filter.Agency is { } agency) rows = rows.Where(r => r.AgencyId == agency);
            if (filter.Role is { } role)
            {
                var name = role.ToString();
                rows = rows.Where(r => r.JobRole == name);
            }
            return rows;
        }

        private static IQueryable<Domain.Reporting.UptakeRow> OfAudience(IQueryable<Domain.Reporting.UptakeRow> rows, ContentModule module)
        {
            if (module.Audience.Count == 0) return rows;
            var audience = module.Audience.Select(r => r.ToString()).ToList();
            return rows.Where(r => audience.Contains(r.JobRole));
        }

        private static (DateTime? Start, DateTime? End) Period(ReportFilter filter) => (
            filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        private static async Task<Dictionary<string, Dictionary<int, int>>> HistogramAsync(IQueryable<Domain.Reporting.UptakeRow> completions, Breakdown by, CancellationToken ct)
        {
            var rows = by switch
            {
                Breakdown.Role => (await completions.GroupBy(r => new { r.JobRole, r.CompletedMinutes })
                    .Select(g => new { g.Key.JobRole, g.Key.CompletedMinutes, Count = g.Count() }).ToListAsync(ct))
                    .Select(r => (Key: r.JobRole, Minutes: r.CompletedMinutes ?? 0, r.Count)),
                Breakdown.Agency => (await completions.GroupBy(r => new { r.AgencyId, r.CompletedMinutes })
                    .Select(g => new { g.Key.AgencyId, g.Key.CompletedMinutes, Count = g.Count() }).ToListAsync(ct))
                    .Select(r => (Key: r.AgencyId.ToString(), Minutes: r.CompletedMinutes ?? 0, r.Count)),
                Breakdown.Team => (await completions.GroupBy(r => new { r.TeamId, r.CompletedMinutes })
                    .Select(g => new { g.Key.TeamId, g.Key.CompletedMinutes, Count = g.Count() }).ToListAsync(ct))
                    .Select(r => (Key: r.TeamId?.ToString() ?? "", Minutes: r.CompletedMinutes ?? 0, r.Count)),
                _ => (await completions.GroupBy(r => r.CompletedMinutes)
                    .Select(g => new { Minutes = g.Key, Count = g.Count() }).ToListAsync(ct))
                    .Select(r => (Key: "", Minutes: r.Minutes ?? 0, r.Count)),
            };
            return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.GroupBy(r => r.Minutes).ToDictionary(m => m.Key, m => m.Sum(r => r.Count)));
        }

        /// <summary>The median of values given as value → how many times it occurs.</summary>
        internal static double? Median(IReadOnlyDictionary<int, int> histogram)
        {
            var total = histogram.Values.Sum();
            if (total == 0) return null;
            var ordered = histogram.OrderBy(h => h.Key).ToList();
            double ValueAt(int index)
            {
                var seen = 0;
                foreach (var (value, count) in ordered)
                {
                    seen += count;
                    if (index < seen) return value;
                }
                return ordered[^1].Key;
            }
            return total % 2 == 1 ? ValueAt(total / 2) : (ValueAt(total / 2 - 1) + ValueAt(total / 2)) / 2;
        }

        /// <summary>The names of the teams the cells name, in one query for every module.</summary>
        private async Task<Dictionary<string, string>> TeamNamesAsync(IEnumerable<Cell> cells, CancellationToken ct)
        {
            var ids = cells.Where(c => c.TeamId is not null).Select(c => c.TeamId!.Value).Distinct().ToList();
            return (await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
                .ToDictionary(t => t.Id.ToString(), t => t.Name);
        }

        private static List<(string Key, string Text)> Labels(Breakdown by, List<string> keys, ReportScope scope, Dictionary<string, string> teams)
        {
            switch (by)
            {
                case Breakdown.Agency:
                case Breakdown.Team:
                    var names = by == Breakdown.Agency ? scope.Agencies.ToDictionary(a => a.Value, a => a.Text) : teams;
                    var labels = keys.Where(k => names.ContainsKey(k)).Select(k => (k, names[k])).ToList();
                    if (keys.Contains("")) labels.Add(("", by == Breakdown.Agency ? "No agency" : "No team"));
                    return labels.OrderBy(l => l.Item2, StringComparer.CurrentCulture).ToList();
                case Breakdown.Role:
                    return keys.Select(k => (k, Enum.Parse<JobRole>(k).DisplayName())).OrderBy(l => l.Item2, StringComparer.CurrentCulture).ToList();
                default:
                    return [("", "")];
            }
        }
    }
}
