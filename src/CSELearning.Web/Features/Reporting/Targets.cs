using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reporting;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

// Progress uses the same counts as the uptake report, suppressed the same way. The status is read from the
// completion rate, so it is suppressed with it: "Met" beside "fewer than 5" would tell what the figure hides.
public static class Targets
{
    public const string SuppressedStatusText = "Not shown (fewer than 5)";
    public const string WithheldStatusText = "Not shown (to protect a small number)";

    // Status: null when the completion rate is suppressed.
    public sealed record Row(Guid Id, string Agency, string Module, int Percent, DateOnly DueOn, Figure InScope, Figure Completed, Figure Rate, TargetStatus? Status,
        Guid AgencyId, string ModuleId);

    public sealed record Model(ReportFilter Filter, ReportScope Scope, IReadOnlyList<Option> Modules, IReadOnlyList<Row> Rows)
    {
        public IReadOnlyList<string> Behind => Rows.Where(r => r.Status is TargetStatus.Behind or TargetStatus.Missed).Select(r => r.Agency).Distinct().ToList();

        public IEnumerable<IEnumerable<string?>> CsvRows()
        {
            yield return ["Agency", "Module", "Target", "By", "Learners in scope", "Completed", "Completion rate", "Status"];
            foreach (var row in Rows)
                yield return [row.Agency, row.Module, row.Percent + "%", row.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    row.InScope.ToString(), row.Completed.ToString(), row.Rate.ToString(), StatusText(row.Status, row.Rate)];
        }
    }

    // rate: the completion rate the status is read from, hidden for one of two reasons.
    public static string StatusText(TargetStatus? status, Figure rate) => status switch
    {
        null => rate.IsWithheld ? WithheldStatusText : SuppressedStatusText,
        TargetStatus.Met => "Met",
        TargetStatus.Behind => "Behind",
        TargetStatus.Missed => "Missed",
        _ => "Nobody in scope",
    };

    // The form for setting a target; the values as typed, so a form with problems comes back as it was sent.
    public sealed class Input
    {
        public string? Agency { get; set; }
        public string? Module { get; set; }
        public string? Percent { get; set; }
        public string? DueOn { get; set; }
    }

    public sealed record FormModel(ReportScope Scope, IReadOnlyList<Option> Modules, Input Input, IReadOnlyDictionary<string, string> Errors);

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, Uptake.Handler uptake, TimeProvider clock)
    {
        public async Task<Model?> ListAsync(ClaimsPrincipal principal, ReportFilter filter, CancellationToken ct)
        {
            if (await ReportScope.ResolveAsync(db, principal, filter, ct) is not { } scope) return null;
            var pid = scope.PartnershipId;
            var targets = await db.UptakeTargets.AsNoTracking().Where(t => t.PartnershipId == pid).ToListAsync(ct);
            if (filter.Agency is { } agency) targets = targets.Where(t => t.AgencyId == agency).ToList();
            if (filter.Module is { Length: > 0 } moduleId) targets = targets.Where(t => t.ModuleId == moduleId).ToList();

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var agencies = scope.Agencies.ToDictionary(a => a.Value, a => a.Text);
            var rows = new List<Row>();
            // Every targeted module's counts from one set of grouped queries, not one set per module.
            var targeted = targets.Select(t => t.ModuleId).Distinct().Select(catalog.Find).OfType<ContentModule>().ToList();
            var counts = (await uptake.ByAgencyAsync(targeted, scope, ct)).ToDictionary(r => (r.ModuleId, r.GroupKey));
            foreach (var group in targets.GroupBy(t => t.ModuleId))
            {
                var module = catalog.Find(group.Key);
                foreach (var target in group)
                {
                    // The uptake report's figures by agency, hidden as it hides them: this page shows the same agencies' counts,
                    // and a figure shown here that the uptake view hides would give back what it protects.
                    var row = counts.GetValueOrDefault((group.Key, target.AgencyId.ToString()));
                    var (inScope, completed) = row?.Counts ?? (0, 0);
                    var rate = row?.CompletionRate ?? Figure.Suppressed();
                    rows.Add(new Row(target.Id, agencies.GetValueOrDefault(target.AgencyId.ToString(), ""), module?.Title ?? target.ModuleId, target.Percent, target.DueOn,
                        row?.InScope ?? Figure.Suppressed(), row?.Completed ?? Figure.Suppressed(), rate, rate.IsSuppressed ? null : target.StatusOn(today, completed, inScope),
                        target.AgencyId, target.ModuleId));
                }
            }
            return new Model(filter, scope, Modules(), rows.OrderBy(r => r.Agency, StringComparer.CurrentCulture).ThenBy(r => r.Module, StringComparer.CurrentCulture).ToList());
        }

        public async Task<FormModel?> ShowAsync(ClaimsPrincipal principal, ReportFilter filter, CancellationToken ct) =>
            await ReportScope.ResolveAsync(db, principal, filter, ct) is { } scope
                ? new FormModel(scope, Modules(), new Input { Agency = filter.Agency?.ToString(), Module = filter.Module }, new Dictionary<string, string>())
                : null;

        // The form with its problems when the input will not do; null when out of scope.
        public async Task<(FormModel? Problems, bool Changed)?> SetAsync(ClaimsPrincipal principal, Guid? partnership, Input input, CancellationToken ct)
        {
            var filter = new ReportFilter { Partnership = partnership };
            if (await ReportScope.ResolveAsync(db, principal, filter, ct) is not { } scope) return null;
            var errors = new Dictionary<string, string>();
            Guid agencyId = default;
            if (!Guid.TryParse(input.Agency, out agencyId) || scope.Agencies.All(a => a.Value != agencyId.ToString())) errors["Agency"] = "Choose an agency";
            if (string.IsNullOrEmpty(input.Module) || catalog.Find(input.Module) is null) errors["Module"] = "Choose a module";
            if (!int.TryParse(input.Percent, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent is < 1 or > 100)
                errors["Percent"] = "Enter the target as a whole number from 1 to 100";
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (!DateOnly.TryParseExact(input.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueOn))
                errors["DueOn"] = "Enter the date the target is due, for example 2027-03-31";
            else if (dueOn < today)
                errors["DueOn"] = "The date the target is due must be today or later";
            else if (!Shared.InputErrors.InDateRange(dueOn))
                errors["DueOn"] = $"The date the target is due must be {Shared.InputErrors.DateRangeText}";
            if (errors.Count > 0) return (new FormModel(scope, Modules(), input, errors), false);

            var moduleId = input.Module!;
            var existing = await db.UptakeTargets.SingleOrDefaultAsync(t => t.AgencyId == agencyId && t.ModuleId == moduleId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (existing is null) db.UptakeTargets.Add(new UptakeTarget(scope.PartnershipId, agencyId, moduleId, percent, dueOn, principal.UserId(), now));
            else existing.Change(percent, dueOn, principal.UserId(), now);
            await db.SaveChangesAsync(ct);
            return (null, existing is not null);
        }

        public async Task<bool> RemoveAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
        {
            var target = await db.UptakeTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (target is null) return false;
            if (await ReportScope.ResolveAsync(db, principal, new ReportFilter { Partnership = target.PartnershipId }, ct) is null) return false;
            db.UptakeTargets.Remove(target);
            await db.SaveChangesAsync(ct);
            return true;
        }

        private List<Option> Modules() => catalog.Modules.OrderBy(m => m.Title).Select(m => new Option(m.Id, m.Title)).ToList();
    }
}
