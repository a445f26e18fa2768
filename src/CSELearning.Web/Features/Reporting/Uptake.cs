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
/// a major change has superseded. The figures are grouped queries over the reporting tables
/// (<see cref="Domain.Reporting.UptakeCount"/> and <see cref="Domain.Reporting.LearningTimeCount"/>, or
/// <see cref="Domain.Reporting.UptakeRow"/> for a period): no person's rows are loaded.
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
        /// Every module's rows from a handful of grouped queries over the reporting tables: the uptake counts (a
        /// few thousand, per module, agency, team, job role and version completed) give who is in scope, who started
        /// and who is due a refresh; the learning-time counts give who completed and how long they took. A view with
        /// a period reads the uptake rows started and completed in it instead. A person is in exactly one agency,
        /// team and job role, so these small groups add up exactly to any breakdown; the module's audience and the
        /// breakdown are applied to them here.
        /// </summary>
        private async Task<List<Row>> RowsAsync(IReadOnlyList<ContentModule> modules, ReportScope scope, ReportFilter filter, CancellationToken ct)
        {
            if (modules.Count == 0) return [];
            var (start, end) = Period(filter);
            var byId = modules.ToDictionary(m => m.Id);

            // A module's empty id marks the people in scope; the others, those who started it, by their latest
            // completion's version (empty for none). Modules no longer in the catalogue are left out here.
            var counts = (await Counts(db.UptakeCounts.AsNoTracking(), scope, filter)
                    .Where(c => c.People != 0)
                    .Select(c => new { c.ModuleId, c.AgencyId, c.TeamId, c.JobRole, c.CompletedVersion, c.People })
                    .ToListAsync(ct))
                .Where(c => c.ModuleId == "" || byId.ContainsKey(c.ModuleId)).ToList();

            // "Completed" is a latest completion of a version no major change has superseded; "refresh due", a latest
            // completion of one it has (people complete versions in order, so an earlier completion is never the newer).
            var current = counts.Where(c => c.CompletedVersion != "").Select(c => (c.ModuleId, Version: c.CompletedVersion)).Distinct()
                .Where(v => !ModuleVersion.TryParse(v.Version, out var parsed) || !byId[v.ModuleId].IsSupersededByMajorChange(parsed))
                .ToHashSet();
            var cells = counts.Select(c => new Cell(c.ModuleId, c.AgencyId, c.TeamId, Enum.TryParse<JobRole>(c.JobRole, out var role) ? role : default,
                    c.People,
                    Started: c.ModuleId == "" || start is not null ? 0 : c.People,
                    RefreshDue: c.CompletedVersion != "" && !current.Contains((c.ModuleId, c.CompletedVersion)) ? c.People : 0))
                .ToList();
            // "Started" in a period is starting the module for the first time in it.
            if (start is not null || end is not null) cells.AddRange(await StartedAsync(scope, filter, start, end, byId, ct));

            // Who completed, and in how many minutes, per module, job role (for the audience) and breakdown.
            var completions = (await CompletionsAsync(scope, filter, start, end, ct))
                .Where(c => current.Contains((c.ModuleId, c.Version))).ToList();

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
                var moduleRefreshDue = Sum(inScope: false, c => c.RefreshDue);
                // Median learning time from a histogram of whole minutes per group: a few hundred rows, not one per person.
                var minutes = completions.Where(c => c.ModuleId == moduleId && InAudience(c.JobRole))
                    .GroupBy(c => c.Key)
                    .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Minutes).ToDictionary(m => m.Key, m => m.Sum(c => c.People)));

                var keys = moduleInScope.Keys.Concat(moduleStarted.Keys).Distinct().ToList();
                rows.AddRange(Labels(filter.By, keys, scope, teams).Select(label =>
                {
                    int Of(Dictionary<string, int> counts) => counts.GetValueOrDefault(label.Key);
                    var histogram = minutes.GetValueOrDefault(label.Key) ?? [];
                    var completed = histogram.Values.Sum();
                    return new Row(module.Id, module.Title, label.Key, filter.By == Breakdown.Module ? null : label.Text, (Of(moduleInScope), completed),
                        Figure.Count(Of(moduleInScope)), Figure.Count(Of(moduleStarted)), Figure.Count(completed),
                        Figure.Rate(completed, Of(moduleInScope)),
                        Figure.Median(completed, Median(histogram), "minutes"),
                        Figure.Count(Of(moduleRefreshDue)));
                }));
            }
            return rows;
        }

        /// <summary>
        /// People counted in one small group of a module (none for who is in scope), an agency, a team
        /// (<see cref="Guid.Empty"/> for none) and a job role: in it, started, and due a refresh.
        /// </summary>
        private sealed record Cell(string ModuleId, Guid AgencyId, Guid TeamId, JobRole JobRole, int People, int Started, int RefreshDue);

        /// <summary>People whose latest completion of a module's version, in a group of the breakdown, took so many minutes.</summary>
        private sealed record Completion(string ModuleId, string Version, JobRole JobRole, string Key, int Minutes, int People);

        // Ids are turned into text here, in memory, as everywhere in the reports.
        private static string KeyOf(Cell cell, Breakdown by) => by switch
        {
            Breakdown.Agency => cell.AgencyId.ToString(),
            Breakdown.Team => cell.TeamId == Guid.Empty ? "" : cell.TeamId.ToString(),
            Breakdown.Role => cell.JobRole.ToString(),
            _ => "",
        };

        /// <summary>The first starts in the period, as cells of who started.</summary>
        private async Task<List<Cell>> StartedAsync(ReportScope scope, ReportFilter filter, DateTime? start, DateTime? end,
            Dictionary<string, ContentModule> modules, CancellationToken ct)
        {
            var started = await Counts(db.UptakeRows.AsNoTracking(), scope, filter)
                .Where(r => r.FirstStartedAt != null && (start == null || r.FirstStartedAt >= start) && (end == null || r.FirstStartedAt < end))
                .GroupBy(r => new { r.ModuleId, r.AgencyId, r.TeamId, r.JobRole })
                .Select(g => new { g.Key.ModuleId, g.Key.AgencyId, g.Key.TeamId, g.Key.JobRole, People = g.Count() })
                .ToListAsync(ct);
            return started.Where(s => modules.ContainsKey(s.ModuleId))
                .Select(s => new Cell(s.ModuleId, s.AgencyId, s.TeamId ?? Guid.Empty, Enum.TryParse<JobRole>(s.JobRole, out var role) ? role : default,
                    People: 0, Started: s.People, RefreshDue: 0))
                .ToList();
        }

        /// <summary>
        /// Latest completions (in the period, when one is given) by module, version, job role, the breakdown's group
        /// and whole minutes: from the learning-time counts, or from the uptake rows completed in the period.
        /// </summary>
        private async Task<List<Completion>> CompletionsAsync(ReportScope scope, ReportFilter filter, DateTime? start, DateTime? end, CancellationToken ct)
        {
            List<(string ModuleId, string Version, string JobRole, string Key, int Minutes, int People)> found;
            if (start is null && end is null)
            {
                var counts = Counts(db.LearningTimeCounts.AsNoTracking(), scope, filter).Where(c => c.People != 0);
                found = filter.By switch
                {
                    Breakdown.Agency => (await counts.GroupBy(c => new { c.ModuleId, c.CompletedVersion, c.JobRole, c.AgencyId, c.Minutes })
                        .Select(g => new { g.Key.ModuleId, g.Key.CompletedVersion, g.Key.JobRole, g.Key.AgencyId, g.Key.Minutes, People = g.Sum(c => c.People) }).ToListAsync(ct))
                        .Select(c => (c.ModuleId, c.CompletedVersion, c.JobRole, c.AgencyId.ToString(), c.Minutes, c.People)).ToList(),
                    Breakdown.Team => (await counts.GroupBy(c => new { c.ModuleId, c.CompletedVersion, c.JobRole, c.TeamId, c.Minutes })
                        .Select(g => new { g.Key.ModuleId, g.Key.CompletedVersion, g.Key.JobRole, g.Key.TeamId, g.Key.Minutes, People = g.Sum(c => c.People) }).ToListAsync(ct))
                        .Select(c => (c.ModuleId, c.CompletedVersion, c.JobRole, c.TeamId == Guid.Empty ? "" : c.TeamId.ToString(), c.Minutes, c.People)).ToList(),
                    _ => (await counts.GroupBy(c => new { c.ModuleId, c.CompletedVersion, c.JobRole, c.Minutes })
                        .Select(g => new { g.Key.ModuleId, g.Key.CompletedVersion, g.Key.JobRole, g.Key.Minutes, People = g.Sum(c => c.People) }).ToListAsync(ct))
                        .Select(c => (c.ModuleId, c.CompletedVersion, c.JobRole, filter.By == Breakdown.Role ? c.JobRole : "", c.Minutes, c.People)).ToList(),
                };
            }
            else
            {
                var rows = Counts(db.UptakeRows.AsNoTracking(), scope, filter)
                    .Where(r => r.CompletedAt != null && (start == null || r.CompletedAt >= start) && (end == null || r.CompletedAt < end));
                found = filter.By switch
                {
                    Breakdown.Agency => (await rows.GroupBy(r => new { r.ModuleId, r.CompletedVersion, r.JobRole, r.AgencyId, r.CompletedMinutes })
                        .Select(g => new { g.Key.ModuleId, g.Key.CompletedVersion, g.Key.JobRole, g.Key.AgencyId, g.Key.CompletedMinutes, People = g.Count() }).ToListAsync(ct))
                        .Select(c => (c.ModuleId, c.CompletedVersion ?? "", c.JobRole, c.AgencyId.ToString(), c.CompletedMinutes ?? 0, c.People)).ToList(),
                    Breakdown.Team => (await rows.GroupBy(r => new { r.ModuleId, r.CompletedVersion, r.JobRole, r.TeamId, r.CompletedMinutes })
                        .Select(g => new { g.Key.ModuleId, g.Key.CompletedVersion, g.Key.JobRole, g.Key.TeamId, g.Key.CompletedMinutes, People = g.Count() }).ToListAsync(ct))
                        .Select(c => (c.ModuleId, c.CompletedVersion ?? "", c.JobRole, c.TeamId?.ToString() ?? "", c.CompletedMinutes ?? 0, c.People)).ToList(),
                    _ => (await rows.GroupBy(r => new { r.ModuleId, r.CompletedVersion, r.JobRole, r.CompletedMinutes })
                        .Select(g => new { g.Key.ModuleId, g.Key.CompletedVersion, g.Key.JobRole, g.Key.CompletedMinutes, People = g.Count() }).ToListAsync(ct))
                        .Select(c => (c.ModuleId, c.CompletedVersion ?? "", c.JobRole, filter.By == Breakdown.Role ? c.JobRole : "", c.CompletedMinutes ?? 0, c.People)).ToList(),
                };
            }
            return found.Select(c => new Completion(c.ModuleId, c.Version, Enum.TryParse<JobRole>(c.JobRole, out var role) ? role : default, c.Key, c.Minutes, c.People)).ToList();
        }

        /// <summary>
        /// One of the reporting tables' rows of the partnership's learners, narrowed by the module, agency and job
        /// role filters (equalities only, so a table's rows still come off its index in order).
        /// </summary>
        private static IQueryable<T> Counts<T>(IQueryable<T> rows, ReportScope scope, ReportFilter filter) where T : class
        {
            var partnershipId = scope.PartnershipId;
            rows = rows.Where(r => EF.Property<Guid>(r, "PartnershipId") == partnershipId);
            if (filter.Module is { Length: > 0 } module) rows = rows.Where(r => EF.Property<string>(r, "ModuleId") == module || EF.Property<string>(r, "ModuleId") == "");
            if (filter.Agency is { } agency) rows = rows.Where(r => EF.Property<Guid>(r, "AgencyId") == agency);
            if (filter.Role is { } role)
            {
                var name = role.ToString();
                rows = rows.Where(r => EF.Property<string>(r, "JobRole") == name);
            }
            return rows;
        }

        private static (DateTime? Start, DateTime? End) Period(ReportFilter filter) => (
            filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

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
            var ids = cells.Where(c => c.TeamId != Guid.Empty).Select(c => c.TeamId).Distinct().ToList();
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
