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

            var rows = new List<Row>();
            if (errors.Count == 0)
            {
                foreach (var module in modules.Where(m => string.IsNullOrEmpty(filter.Module) || m.Id == filter.Module))
                    rows.AddRange(await RowsAsync(module, scope, filter, ct));
            }
            return new Model(filter, scope, modules.Select(m => new Option(m.Id, m.Title)).ToList(), rows, errors.Distinct().ToList());
        }

        /// <summary>A module's uptake for each agency of the partnership, at today (no period).</summary>
        public Task<IEnumerable<Row>> ByAgencyAsync(ContentModule module, ReportScope scope, CancellationToken ct) =>
            RowsAsync(module, scope, new ReportFilter { By = Breakdown.Agency }, ct);

        private async Task<IEnumerable<Row>> RowsAsync(ContentModule module, ReportScope scope, ReportFilter filter, CancellationToken ct)
        {
            var people = People(module, scope, filter);
            var (start, end) = Period(filter);
            var moduleId = module.Id;

            // Versions completed so far, split into current ones and those a major change has superseded.
            var versions = await db.ModuleCompletions.AsNoTracking().Where(c => c.ModuleId == moduleId).Select(c => c.ModuleVersion).Distinct().ToListAsync(ct);
            var superseded = versions.Where(v => ModuleVersion.TryParse(v, out var parsed) && module.IsSupersededByMajorChange(parsed)).ToList();
            var current = versions.Except(superseded).ToList();

            var inScope = await CountByAsync(people, filter.By, ct);
            var started = await CountByAsync(people.Where(u => db.ModuleProgress.Any(p => p.UserId == u.Id && p.ModuleId == moduleId
                && (start == null || p.StartedAt >= start) && (end == null || p.StartedAt < end))), filter.By, ct);
            var completed = await CountByAsync(people.Where(u => db.ModuleCompletions.Any(c => c.UserId == u.Id && c.ModuleId == moduleId
                && current.Contains(c.ModuleVersion) && (start == null || c.CompletedAt >= start) && (end == null || c.CompletedAt < end))), filter.By, ct);
            var refreshDue = await CountByAsync(people.Where(u => db.ModuleCompletions.Any(c => c.UserId == u.Id && c.ModuleId == moduleId)
                && !db.ModuleCompletions.Any(c => c.UserId == u.Id && c.ModuleId == moduleId && current.Contains(c.ModuleVersion))), filter.By, ct);

            // Median learning time from a histogram of whole minutes per group: a few hundred rows, not one per person.
            var completions = db.ModuleCompletions.AsNoTracking().Where(c => c.ModuleId == moduleId && current.Contains(c.ModuleVersion)
                && (start == null || c.CompletedAt >= start) && (end == null || c.CompletedAt < end));
            var minutes = await HistogramAsync(people, completions, filter.By, ct);

            var labels = await LabelsAsync(filter.By, inScope.Keys.Concat(started.Keys).Distinct().ToList(), ct);
            return labels.Select(label =>
            {
                int Of(Dictionary<string, int> counts) => counts.GetValueOrDefault(label.Key);
                var histogram = minutes.GetValueOrDefault(label.Key) ?? [];
                return new Row(module.Id, module.Title, label.Key, filter.By == Breakdown.Module ? null : label.Text, (Of(inScope), Of(completed)),
                    Figure.Count(Of(inScope)), Figure.Count(Of(started)), Figure.Count(Of(completed)),
                    Figure.Rate(Of(completed), Of(inScope)),
                    Figure.Median(histogram.Values.Sum(), Median(histogram), "minutes"),
                    Figure.Count(Of(refreshDue)));
            });
        }

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

        private static async Task<Dictionary<string, int>> CountByAsync(IQueryable<User> people, Breakdown by, CancellationToken ct)
        {
            switch (by)
            {
                case Breakdown.Agency:
                    return (await people.GroupBy(u => u.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                        .ToDictionary(g => g.Key?.ToString() ?? "", g => g.Count);
                case Breakdown.Team:
                    return (await people.GroupBy(u => u.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                        .ToDictionary(g => g.Key?.ToString() ?? "", g => g.Count);
                case Breakdown.Role:
                    return (await people.GroupBy(u => u.JobRole).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                        .ToDictionary(g => g.Key.ToString(), g => g.Count);
                default:
                    return new() { [""] = await people.CountAsync(ct) };
            }
        }

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

        private async Task<List<(string Key, string Text)>> LabelsAsync(Breakdown by, List<string> keys, CancellationToken ct)
        {
            switch (by)
            {
                case Breakdown.Agency:
                case Breakdown.Team:
                    var ids = keys.Where(k => k.Length > 0).Select(Guid.Parse).ToList();
                    var names = by == Breakdown.Agency
                        ? await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct)
                        : await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
                    var labels = names.Select(n => (n.Id.ToString(), n.Name)).ToList();
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
