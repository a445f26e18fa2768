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
/// module's audience (all job roles when the module names none). "Started" and "completed" fall in the
/// period when one is given; "completed" counts a completion of the current version or of one with only
/// wording changes since; "refresh due" counts people whose completions are all of versions a major change has
/// superseded. The figures are aggregate queries in the database: no person's rows are loaded.
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
        /// Every module's rows from a handful of grouped queries, whatever the number of modules: people are
        /// counted per agency, team and job role (a person is in exactly one of each, so the distinct counts of
        /// these small groups add up exactly to any breakdown), and the module's audience and the breakdown are
        /// applied to those few hundred sums here. Only the learning-time histograms are asked for per module.
        /// </summary>
        private async Task<List<Row>> RowsAsync(IReadOnlyList<ContentModule> modules, ReportScope scope, ReportFilter filter, CancellationToken ct)
        {
            if (modules.Count == 0) return [];
            var people = scope.Learners(db, filter).Where(u => u.IsActive);
            var (start, end) = Period(filter);
            var moduleIds = modules.Select(m => m.Id).ToList();

            // Versions completed so far; those a major change has superseded, as "module version" keys.
            var versions = await db.ModuleCompletions.AsNoTracking().Where(c => moduleIds.Contains(c.ModuleId))
                .Select(c => new { c.ModuleId, c.ModuleVersion }).Distinct().ToListAsync(ct);
            var superseded = versions
                .Where(v => ModuleVersion.TryParse(v.ModuleVersion, out var parsed) && modules.First(m => m.Id == v.ModuleId).IsSupersededByMajorChange(parsed))
                .Select(v => v.ModuleId + " " + v.ModuleVersion).ToList();

            var inScope = (await people.GroupBy(u => new { u.AgencyId, u.TeamId, u.JobRole })
                .Select(g => new { g.Key.AgencyId, g.Key.TeamId, g.Key.JobRole, People = g.Count() }).ToListAsync(ct))
                .Select(g => new Cell("", g.AgencyId, g.TeamId, g.JobRole, g.People)).ToList();
            // Each person once per module first (a hash of module and person), then counted per group: no COUNT(DISTINCT)
            // over the joined rows, which would sort them all.
            var started = (await db.ModuleProgress.AsNoTracking()
                .Where(p => moduleIds.Contains(p.ModuleId) && (start == null || p.StartedAt >= start) && (end == null || p.StartedAt < end))
                .Select(p => new { p.ModuleId, p.UserId }).Distinct()
                .Join(people, p => p.UserId, u => u.Id, (p, u) => new { p.ModuleId, u.AgencyId, u.TeamId, u.JobRole })
                .GroupBy(x => new { x.ModuleId, x.AgencyId, x.TeamId, x.JobRole })
                .Select(g => new { g.Key.ModuleId, g.Key.AgencyId, g.Key.TeamId, g.Key.JobRole, People = g.Count() })
                .ToListAsync(ct))
                .Select(g => new Cell(g.ModuleId, g.AgencyId, g.TeamId, g.JobRole, g.People)).ToList();
            // Per person and module: completed in the period (a current version), ever, and ever a current version;
            // the difference of the last two is the people due a refresh.
            var completions = await db.ModuleCompletions.AsNoTracking()
                .Where(c => moduleIds.Contains(c.ModuleId))
                .GroupBy(c => new { c.ModuleId, c.UserId })
                .Select(g => new
                {
                    g.Key.ModuleId, g.Key.UserId,
                    Completed = g.Max(c => !superseded.Contains(c.ModuleId + " " + c.ModuleVersion) && (start == null || c.CompletedAt >= start) && (end == null || c.CompletedAt < end) ? 1 : 0),
                    Current = g.Max(c => !superseded.Contains(c.ModuleId + " " + c.ModuleVersion) ? 1 : 0),
                })
                .Join(people, c => c.UserId, u => u.Id, (c, u) => new { c.ModuleId, u.AgencyId, u.TeamId, u.JobRole, c.Completed, c.Current })
                .GroupBy(x => new { x.ModuleId, x.AgencyId, x.TeamId, x.JobRole })
                .Select(g => new
                {
                    g.Key.ModuleId, g.Key.AgencyId, g.Key.TeamId, g.Key.JobRole,
                    Completed = g.Sum(x => x.Completed),
                    Ever = g.Count(),
                    EverCurrent = g.Sum(x => x.Current),
                })
                .ToListAsync(ct);
            var completed = completions.Select(g => new Cell(g.ModuleId, g.AgencyId, g.TeamId, g.JobRole, g.Completed)).ToList();
            var refreshDue = completions.Select(g => new Cell(g.ModuleId, g.AgencyId, g.TeamId, g.JobRole, g.Ever - g.EverCurrent)).ToList();

            var teams = filter.By == Breakdown.Team ? await TeamNamesAsync(inScope.Concat(started), ct) : [];
            var rows = new List<Row>();
            foreach (var module in modules)
            {
                var moduleId = module.Id;
                bool InAudience(JobRole role) => module.Audience.Count == 0 || module.Audience.Contains(role);
                Dictionary<string, int> Sum(IEnumerable<Cell> cells) => cells
                    .Where(c => (c.ModuleId == "" || c.ModuleId == moduleId) && InAudience(c.JobRole))
                    .GroupBy(c => KeyOf(c, filter.By)).ToDictionary(g => g.Key, g => g.Sum(c => c.People));
                var moduleInScope = Sum(inScope);
                var moduleStarted = Sum(started);
                var moduleCompleted = Sum(completed);
                var moduleRefreshDue = Sum(refreshDue);

                // Median learning time from a histogram of whole minutes per group: a few hundred rows, not one per person.
                var minutes = await HistogramAsync(People(module, scope, filter), db.ModuleCompletions.AsNoTracking()
                    .Where(c => c.ModuleId == moduleId && !superseded.Contains(c.ModuleId + " " + c.ModuleVersion)
                        && (start == null || c.CompletedAt >= start) && (end == null || c.CompletedAt < end)), filter.By, ct);

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

        /// <summary>People counted in one small group: a module's (none for who is in scope), an agency, a team and a job role.</summary>
        private sealed record Cell(string ModuleId, Guid? AgencyId, Guid? TeamId, JobRole JobRole, int People);

        // Ids are turned into text here, in memory, as everywhere in the reports.
        private static string KeyOf(Cell cell, Breakdown by) => by switch
        {
            Breakdown.Agency => cell.AgencyId?.ToString() ?? "",
            Breakdown.Team => cell.TeamId?.ToString() ?? "",
            Breakdown.Role => cell.JobRole.ToString(),
            _ => "",
        };

        /// <summary>Active learners of the partnership, in the module's audience, narrowed by the filters.</summary>
        private IQueryable<User> People(ContentModule module, ReportScope scope, ReportFilter filter)
        {
            var people = scope.Learners(db, filter).Where(u => u.IsActive);
            if (module.Audience.Count == 0) return people;
            var audience = module.Audience.ToList();
            return people.Where(u => audience.Contains(u.JobRole));
        }

        private static (DateTime? Start, DateTime? End) Period(ReportFilter filter) => (
            filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        private static async Task<Dictionary<string, Dictionary<int, int>>> HistogramAsync(IQueryable<User> people,
            IQueryable<Domain.Learning.ModuleCompletion> completions, Breakdown by, CancellationToken ct)
        {
            if (by == Breakdown.Role)
            {
                var byRole = await completions.Join(people, c => c.UserId, u => u.Id, (c, u) => new { u.JobRole, Minutes = c.TimeSpentSeconds / 60 })
                    .GroupBy(x => new { x.JobRole, x.Minutes }).Select(g => new { g.Key.JobRole, g.Key.Minutes, Count = g.Count() }).ToListAsync(ct);
                return byRole.GroupBy(r => r.JobRole.ToString()).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Minutes, r => r.Count));
            }
            if (by == Breakdown.Module)
            {
                var all = await completions.Join(people, c => c.UserId, u => u.Id, (c, u) => c.TimeSpentSeconds / 60)
                    .GroupBy(m => m).Select(g => new { Minutes = g.Key, Count = g.Count() }).ToListAsync(ct);
                return new() { [""] = all.ToDictionary(r => r.Minutes, r => r.Count) };
            }
            var rows = by == Breakdown.Agency
                ? await completions.Join(people, c => c.UserId, u => u.Id, (c, u) => new { Key = u.AgencyId, Minutes = c.TimeSpentSeconds / 60 })
                    .GroupBy(x => new { x.Key, x.Minutes }).Select(g => new { g.Key.Key, g.Key.Minutes, Count = g.Count() }).ToListAsync(ct)
                : await completions.Join(people, c => c.UserId, u => u.Id, (c, u) => new { Key = u.TeamId, Minutes = c.TimeSpentSeconds / 60 })
                    .GroupBy(x => new { x.Key, x.Minutes }).Select(g => new { g.Key.Key, g.Key.Minutes, Count = g.Count() }).ToListAsync(ct);
            return rows.GroupBy(r => r.Key?.ToString() ?? "").ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Minutes, r => r.Count));
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
