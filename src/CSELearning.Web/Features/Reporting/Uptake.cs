using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Reporting.Tables;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

// Uptake of the modules across a partnership. Every figure is a count of people (suppressed below five, see Figure);
// nothing anyone wrote or answered is read, and no person's rows are loaded: the figures are grouped queries over the
// reporting tables. "Completed" counts a latest completion of a version with only wording changes since; "refresh
// due", one a major change has superseded.
public static class Uptake
{
    public enum Breakdown { Module, Agency, Team, Role }

    // Counts: The counts behind the figures, for working out targets; never shown.
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

    public sealed class Handler(AppDbContext db, IDbContextFactory<AppDbContext> contexts, ContentCatalog catalog)
    {
        // The report, or null when the filters name something outside what this person may see.
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

        public Task<List<Row>> ByAgencyAsync(IReadOnlyList<ContentModule> modules, ReportScope scope, CancellationToken ct) =>
            RowsAsync(modules, scope, new ReportFilter { By = Breakdown.Agency }, ct);

        private async Task<List<Row>> RowsAsync(IReadOnlyList<ContentModule> modules, ReportScope scope, ReportFilter filter, CancellationToken ct)
        {
            // One module's figures never depend on another's, so modules are read in parallel, each on its own context, and the
            // page waits only for its slowest. A few at once at most, so one page does not take a large share of the pool.
            var figures = new ModuleFigures[modules.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, modules.Count), new ParallelOptions { MaxDegreeOfParallelism = ModulesAtOnce, CancellationToken = ct },
                async (i, token) => figures[i] = await ModuleFiguresAsync(modules[i], scope, filter, token));

            var teams = filter.By == Breakdown.Team ? await TeamNamesAsync(figures.SelectMany(f => f.InScope.Keys.Concat(f.Started.Keys)), ct) : [];
            var rows = new List<Row>();
            foreach (var (module, inScope, started, refreshDue, minutes) in figures)
            {
                var keys = inScope.Keys.Concat(started.Keys).Distinct().ToList();
                var labels = Labels(filter.By, keys, scope, teams);
                var histograms = labels.Select(l => minutes.GetValueOrDefault(l.Key) ?? []).ToList();
                int[][] columns =
                [
                    [.. labels.Select(l => inScope.GetValueOrDefault(l.Key))],
                    [.. labels.Select(l => started.GetValueOrDefault(l.Key))],
                    [.. histograms.Select(h => h.Values.Sum())],
                    [.. labels.Select(l => refreshDue.GetValueOrDefault(l.Key))],
                ];
                var kinds = columns.Select(c => Protect(c, filter.By)).ToArray();
                rows.AddRange(labels.Select((label, i) =>
                {
                    var (people, completed) = (columns[0][i], columns[2][i]);
                    return new Row(module.Id, module.Title, label.Key, filter.By == Breakdown.Module ? null : label.Text, (people, completed),
                        Figure.Count(people, kinds[0][i]), Figure.Count(columns[1][i], kinds[1][i]), Figure.Count(completed, kinds[2][i]),
                        Figure.Rate(completed, kinds[2][i], people, kinds[0][i]),
                        Figure.Median(completed, Median(histograms[i]), "minutes"),
                        Figure.Count(columns[3][i], kinds[3][i]));
                }));
            }
            return rows;
        }

        // A breakdown's groups add up exactly to the module's figure, which the view by module shows with the same filters,
        // so each column of a module's groups is a sum whose total is shown elsewhere. (The median does not add up; it is
        // drawn from the completed people, and shown whenever they are five or more.)
        private static Suppression.Kind[] Protect(int[] groups, Breakdown by) => by == Breakdown.Module
            ? [.. groups.Select(g => g < Figure.SmallestGroup ? Suppression.Kind.Primary : Suppression.Kind.Shown)]
            : Suppression.ProtectSum(groups, groups.Sum(), totalShownElsewhere: true).Parts;

        private const int ModulesAtOnce = 3;

        private sealed record ModuleFigures(ContentModule Module, Dictionary<string, int> InScope, Dictionary<string, int> Started,
            Dictionary<string, int> RefreshDue, Dictionary<string, Dictionary<int, int>> Minutes);

        private async Task<ModuleFigures> ModuleFiguresAsync(ContentModule module, ReportScope scope, ReportFilter filter, CancellationToken ct)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            // The module's queries share one connection rather than each taking one from the pool and resetting it on return.
            await db.Database.OpenConnectionAsync(ct);
            var (start, end) = Period(filter);
            var moduleId = module.Id;
            // The rows with the empty module id count the people in scope; the module's own, those who started it.
            var counts = await SumAsync(OfAudience(Counts(db.UptakeCounts.AsNoTracking(), scope, filter), module)
                .Where(c => (c.ModuleId == moduleId || c.ModuleId == "") && c.People != 0)
                .Select(c => new Group { ModuleId = c.ModuleId, AgencyId = c.AgencyId, TeamId = c.TeamId, JobRole = c.JobRole, Version = c.CompletedVersion, People = c.People }),
                filter.By, ct);
            var started = counts.Where(c => c.ModuleId != "").ToList();
            // "Completed" is a latest completion of a version no major change has superseded; "refresh due", a latest
            // completion of one it has (people complete versions in order, so an earlier completion is never the newer).
            var current = started.Where(c => c.Version != "").Select(c => c.Version).Distinct()
                .Where(v => !ModuleVersion.TryParse(v, out var parsed) || !module.IsSupersededByMajorChange(parsed))
                .ToList();
            var refreshDue = started.Where(c => c.Version != "" && !current.Contains(c.Version));
            static Dictionary<string, int> ByKey(IEnumerable<(string ModuleId, string Key, string Version, int People)> sums) =>
                sums.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.People));
            var startedByKey = start is null && end is null
                ? ByKey(started)
                : await CountAsync(OfAudience(Counts(db.UptakeRows.AsNoTracking(), scope, filter), module)
                    .Where(r => r.ModuleId == moduleId && r.FirstStartedAt != null && (start == null || r.FirstStartedAt >= start) && (end == null || r.FirstStartedAt < end)),
                    filter.By, ct);
            return new ModuleFigures(module, ByKey(counts.Where(c => c.ModuleId == "")), startedByKey, ByKey(refreshDue),
                current.Count == 0 ? [] : await LearningTimesAsync(db, module, current, scope, filter, start, end, ct));
        }

        // Grouped by the key alone: the rows are one module's, and grouping by module and version too would have the
        // database sort and hash text it never needs.
        private static async Task<Dictionary<string, int>> CountAsync(IQueryable<UptakeRow> rows, Breakdown by, CancellationToken ct) => by switch
        {
            Breakdown.Agency => await CountByAsync(rows, r => r.AgencyId, agency => KeyOf(by, agency, default, ""), ct),
            Breakdown.Team => await CountByAsync(rows, r => r.TeamId, team => KeyOf(by, default, team ?? Guid.Empty, ""), ct),
            Breakdown.Role => await CountByAsync(rows, r => r.JobRole, role => KeyOf(by, default, default, role), ct),
            // Like the groups, no one at all gives no figure rather than a nought.
            _ => await rows.CountAsync(ct) is var people and > 0 ? new Dictionary<string, int> { [""] = people } : [],
        };

        private static async Task<Dictionary<string, int>> CountByAsync<TKey>(IQueryable<UptakeRow> rows, Expression<Func<UptakeRow, TKey>> key,
            Func<TKey, string> keyOf, CancellationToken ct) =>
            (await rows.GroupBy(key).Select(g => new { g.Key, People = g.Count() }).ToListAsync(ct))
                .GroupBy(g => keyOf(g.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.People));

        private sealed class Group
        {
            public string ModuleId { get; init; } = "";
            public Guid AgencyId { get; init; }
            public Guid TeamId { get; init; }
            public string JobRole { get; init; } = "";
            public string Version { get; init; } = "";
            public int Minutes { get; init; }
            public int People { get; init; }
        }

        // Ids are turned into text here, in memory, as everywhere in the reports.
        private static string KeyOf(Breakdown by, Guid agencyId, Guid teamId, string jobRole) => by switch
        {
            Breakdown.Agency => agencyId.ToString(),
            Breakdown.Team => teamId == Guid.Empty ? "" : teamId.ToString(),
            Breakdown.Role => jobRole,
            _ => "",
        };

        private static IQueryable<T> OfAudience<T>(IQueryable<T> rows, ContentModule module) where T : class
        {
            if (module.Audience.Count == 0) return rows;
            var audience = module.Audience.Select(r => r.ToString()).ToList();
            return rows.Where(r => audience.Contains(EF.Property<string>(r, "JobRole")));
        }

        private static async Task<List<(string ModuleId, string Key, string Version, int People)>> SumAsync(IQueryable<Group> groups, Breakdown by, CancellationToken ct) => by switch
        {
            Breakdown.Agency => (await groups.GroupBy(g => new { g.ModuleId, g.AgencyId, g.Version })
                .Select(g => new { g.Key.ModuleId, g.Key.AgencyId, g.Key.Version, People = g.Sum(x => x.People) }).ToListAsync(ct))
                .Select(g => (g.ModuleId, KeyOf(by, g.AgencyId, default, ""), g.Version, g.People)).ToList(),
            Breakdown.Team => (await groups.GroupBy(g => new { g.ModuleId, g.TeamId, g.Version })
                .Select(g => new { g.Key.ModuleId, g.Key.TeamId, g.Key.Version, People = g.Sum(x => x.People) }).ToListAsync(ct))
                .Select(g => (g.ModuleId, KeyOf(by, default, g.TeamId, ""), g.Version, g.People)).ToList(),
            Breakdown.Role => (await groups.GroupBy(g => new { g.ModuleId, g.JobRole, g.Version })
                .Select(g => new { g.Key.ModuleId, g.Key.JobRole, g.Key.Version, People = g.Sum(x => x.People) }).ToListAsync(ct))
                .Select(g => (g.ModuleId, KeyOf(by, default, default, g.JobRole), g.Version, g.People)).ToList(),
            _ => (await groups.GroupBy(g => new { g.ModuleId, g.Version })
                .Select(g => new { g.Key.ModuleId, g.Key.Version, People = g.Sum(x => x.People) }).ToListAsync(ct))
                .Select(g => (g.ModuleId, "", g.Version, g.People)).ToList(),
        };

        private static async Task<Dictionary<string, Dictionary<int, int>>> LearningTimesAsync(AppDbContext db, ContentModule module, List<string> versions,
            ReportScope scope, ReportFilter filter, DateTime? start, DateTime? end, CancellationToken ct)
        {
            var moduleId = module.Id;
            var times = start is null && end is null
                ? OfAudience(Counts(db.LearningTimeCounts.AsNoTracking(), scope, filter), module)
                    .Where(c => c.ModuleId == moduleId && c.People != 0 && versions.Contains(c.CompletedVersion))
                    .Select(c => new Group { AgencyId = c.AgencyId, TeamId = c.TeamId, JobRole = c.JobRole, Minutes = c.Minutes, People = c.People })
                : OfAudience(Counts(db.UptakeRows.AsNoTracking(), scope, filter), module)
                    .Where(r => r.ModuleId == moduleId && r.CompletedAt != null && (start == null || r.CompletedAt >= start) && (end == null || r.CompletedAt < end)
                        && versions.Contains(r.CompletedVersion!))
                    .Select(r => new Group { AgencyId = r.AgencyId, TeamId = r.TeamId ?? Guid.Empty, JobRole = r.JobRole, Minutes = r.CompletedMinutes ?? 0, People = 1 });
            // Each group's histogram comes back as one row of "minutes:people" pairs, added up in the database: a few
            // hundred rows for a view of every team, where a row per group and minute would be thousands.
            var by = filter.By;
#pragma warning disable CA1305 // ToString here is translated to SQL's cast of a whole number to text, where no locale applies.
            var found = by switch
            {
                Breakdown.Agency => (await times.GroupBy(t => new { t.AgencyId, t.Minutes })
                    .Select(g => new { g.Key.AgencyId, g.Key.Minutes, People = g.Sum(t => t.People) })
                    .GroupBy(t => t.AgencyId)
                    .Select(g => new { g.Key, Histogram = string.Join(",", g.Select(t => t.Minutes.ToString() + ":" + t.People.ToString())) }).ToListAsync(ct))
                    .Select(t => (Key: KeyOf(by, t.Key, default, ""), t.Histogram)),
                Breakdown.Team => (await times.GroupBy(t => new { t.TeamId, t.Minutes })
                    .Select(g => new { g.Key.TeamId, g.Key.Minutes, People = g.Sum(t => t.People) })
                    .GroupBy(t => t.TeamId)
                    .Select(g => new { g.Key, Histogram = string.Join(",", g.Select(t => t.Minutes.ToString() + ":" + t.People.ToString())) }).ToListAsync(ct))
                    .Select(t => (Key: KeyOf(by, default, t.Key, ""), t.Histogram)),
                _ => (await times.GroupBy(t => new { t.JobRole, t.Minutes })
                    .Select(g => new { g.Key.JobRole, g.Key.Minutes, People = g.Sum(t => t.People) })
                    .GroupBy(t => t.JobRole)
                    .Select(g => new { g.Key, Histogram = string.Join(",", g.Select(t => t.Minutes.ToString() + ":" + t.People.ToString())) }).ToListAsync(ct))
                    .Select(t => (Key: KeyOf(by, default, default, t.Key), t.Histogram)),
            };
#pragma warning restore CA1305
            var histograms = new Dictionary<string, Dictionary<int, int>>();
            foreach (var (key, histogram) in found)
            {
                var minutes = histograms.TryGetValue(key, out var existing) ? existing : histograms[key] = [];
                foreach (var pair in histogram.Split(','))
                {
                    var parts = pair.Split(':');
                    var at = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    minutes[at] = minutes.GetValueOrDefault(at) + int.Parse(parts[1], CultureInfo.InvariantCulture);
                }
            }
            return histograms;
        }

        // Equalities only, so a table's rows still come off its index in order.
        private static IQueryable<T> Counts<T>(IQueryable<T> rows, ReportScope scope, ReportFilter filter) where T : class
        {
            var partnershipId = scope.PartnershipId;
            rows = rows.Where(r => EF.Property<Guid>(r, "PartnershipId") == partnershipId);
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

        // The median of values given as value → how many times it occurs.
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

        // The names of the teams the keys name, in one query for every module.
        private async Task<Dictionary<string, string>> TeamNamesAsync(IEnumerable<string> keys, CancellationToken ct)
        {
            var ids = keys.Where(k => k != "").Distinct().Select(Guid.Parse).ToList();
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
