using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
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

    /// <summary>The filters, as they appear in the address, so a view can be bookmarked and shared.</summary>
    public sealed class Filter
    {
        public Guid? Partnership { get; set; }
        public Guid? Agency { get; set; }
        public string? Module { get; set; }
        public JobRole? Role { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public Breakdown By { get; set; } = Breakdown.Agency;

        public string Query()
        {
            var parts = new List<string>();
            void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value)); }
            Add("partnership", Partnership?.ToString());
            Add("agency", Agency?.ToString());
            Add("module", Module);
            Add("role", Role?.ToString());
            Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Add("by", By.ToString());
            return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        }
    }

    public sealed record Option(string Value, string Text);

    public sealed record Row(string ModuleId, string ModuleTitle, string? Group, Figure InScope, Figure Started, Figure Completed,
        Figure CompletionRate, Figure MedianMinutes, Figure RefreshDue);

    public sealed record Model(Filter Filter, string Partnership, bool ChoosePartnership, IReadOnlyList<Option> Partnerships,
        IReadOnlyList<Option> Agencies, IReadOnlyList<Option> Modules, IReadOnlyList<Row> Rows, IReadOnlyList<string> Errors)
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
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, Filter filter, IReadOnlyList<string> bindingErrors, CancellationToken ct)
        {
            var isAdministrator = principal.IsInRole(Roles.Administrator);
            Guid? partnershipId;
            if (isAdministrator)
            {
                partnershipId = filter.Partnership
                    ?? await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            }
            else
            {
                // A commissioner reports on their own partnership only; naming another is not found.
                var userId = principal.UserId();
                partnershipId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (Guid?)u.Agency!.PartnershipId).SingleOrDefaultAsync(ct);
                if (filter.Partnership is { } asked && asked != partnershipId) return null;
            }
            if (partnershipId is not { } pid) return null;
            var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (partnership is null) return null;
            filter.Partnership = isAdministrator ? pid : null;

            // Ids are turned into text here, not in SQL: SQLite and PostgreSQL would each write them their own way.
            var agencies = (await db.Agencies.AsNoTracking().Where(a => a.PartnershipId == pid).OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => new Option(a.Id.ToString(), a.Name)).ToList();
            if (filter.Agency is { } agency && agencies.All(a => a.Value != agency.ToString())) return null;
            var partnerships = isAdministrator
                ? (await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                    .Select(p => new Option(p.Id.ToString(), p.Name)).ToList()
                : [];
            var modules = catalog.Modules.OrderBy(m => m.Title).ToList();

            var errors = bindingErrors.ToList();
            if (filter.Module is { Length: > 0 } moduleId && modules.All(m => m.Id != moduleId)) errors.Add("Choose a module from the list");
            if (filter.Role is { } role && !Enum.IsDefined(role)) errors.Add("Choose a job role from the list");
            if (!Enum.IsDefined(filter.By)) errors.Add("Choose module, agency, team or job role to break the figures down by");
            if (filter.From is { } from && filter.To is { } to && from > to) errors.Add("The start of the period must be on or before its end");

            var rows = new List<Row>();
            if (errors.Count == 0)
            {
                foreach (var module in modules.Where(m => string.IsNullOrEmpty(filter.Module) || m.Id == filter.Module))
                    rows.AddRange(await RowsAsync(module, pid, filter, ct));
            }
            return new Model(filter, partnership, isAdministrator, partnerships, agencies,
                modules.Select(m => new Option(m.Id, m.Title)).ToList(), rows, errors);
        }

        private async Task<IEnumerable<Row>> RowsAsync(ContentModule module, Guid partnershipId, Filter filter, CancellationToken ct)
        {
            var people = People(module, partnershipId, filter);
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
                return new Row(module.Id, module.Title, filter.By == Breakdown.Module ? null : label.Text,
                    Figure.Count(Of(inScope)), Figure.Count(Of(started)), Figure.Count(Of(completed)),
                    Figure.Rate(Of(completed), Of(inScope)),
                    Figure.Median(histogram.Values.Sum(), Median(histogram), "minutes"),
                    Figure.Count(Of(refreshDue)));
            });
        }

        /// <summary>Active learners of the partnership, in the module's audience, narrowed by the filters.</summary>
        private IQueryable<User> People(ContentModule module, Guid partnershipId, Filter filter)
        {
            var learnerRole = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
            var people = db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Agency!.PartnershipId == partnershipId)
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && learnerRole.Contains(ur.RoleId)));
            if (module.Audience.Count > 0)
            {
                var audience = module.Audience.ToList();
                people = people.Where(u => audience.Contains(u.JobRole));
            }
            if (filter.Agency is { } agency) people = people.Where(u => u.AgencyId == agency);
            if (filter.Role is { } role) people = people.Where(u => u.JobRole == role);
            return people;
        }

        private static (DateTime? Start, DateTime? End) Period(Filter filter) => (
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
