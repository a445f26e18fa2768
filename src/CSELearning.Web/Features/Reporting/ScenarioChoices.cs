using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

// Where the recommended practice is chosen least, practice understanding is weakest. Only a learner's first time
// through counts (not replays after seeing the feedback), and only versions no major change has superseded, so node
// and option numbers mean what the published content says. Shares are suppressed below five, like every count.
public static class ScenarioChoices
{
    public sealed record Choice(int Number, string Text, bool IsRecommended, Figure People, Figure Share);

    public sealed record DecisionPoint(string ScenarioTitle, string NodeTitle, Figure People, IReadOnlyList<Choice> Choices);

    public sealed record Ending(string Title, EndingOutcome Outcome, Figure People, Figure Share);

    // People: those reaching any ending the first time through; the shares are of them.
    public sealed record Endings(string ScenarioTitle, Figure People, IReadOnlyList<Ending> Reached);

    public const string EndingsPoint = "Ending reached first time through";

    public sealed record Model(ReportFilter Filter, ReportScope Scope, IReadOnlyList<Option> Modules, string? ModuleTitle,
        IReadOnlyList<DecisionPoint> Points, IReadOnlyList<Endings> ScenarioEndings, IReadOnlyList<string> Errors) : IReportModel
    {
        public IEnumerable<IEnumerable<string?>> CsvRows()
        {
            yield return ["Scenario", "Decision point", "Option", "Recommended", "People choosing", "Share of people deciding"];
            foreach (var point in Points)
                foreach (var choice in point.Choices)
                    yield return [point.ScenarioTitle, point.NodeTitle, choice.Text, choice.IsRecommended ? "Yes" : "No", choice.People.ToString(), choice.Share.ToString()];
            // Endings follow in the same columns: the ending and its outcome in place of the option.
            foreach (var endings in ScenarioEndings)
                foreach (var ending in endings.Reached)
                    yield return [endings.ScenarioTitle, EndingsPoint, $"{ending.Title} ({ending.Outcome.Text()} outcome)", "", ending.People.ToString(), ending.Share.ToString()];
        }
    }

    public sealed class Handler(AppDbContext db, ContentCatalog catalog)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, ReportFilter filter, IReadOnlyList<string> bindingErrors, CancellationToken ct)
        {
            if (await ReportScope.ResolveAsync(db, principal, filter, ct) is not { } scope) return null;
            var ordered = catalog.Modules.OrderBy(m => m.Title).ToList();
            var modules = ordered.Select(m => new Option(m.Id, m.Title)).ToList();
            var errors = bindingErrors.Concat(filter.Problems()).ToList();
            filter.Module = string.IsNullOrEmpty(filter.Module) ? ordered.FirstOrDefault()?.Id : filter.Module;
            var module = ordered.FirstOrDefault(m => m.Id == filter.Module);
            if (module is null && filter.Module is not null) errors.Add("Choose a module from the list");
            if (errors.Count > 0 || module is null) return new Model(filter, scope, modules, module?.Title, [], [], errors.Distinct().ToList());

            var moduleId = module.Id;
            var (start, end) = (filter.From, filter.To);

            var counts = db.ChoiceCounts.AsNoTracking()
                .Where(c => c.PartnershipId == scope.PartnershipId && c.ModuleId == moduleId
                    && (start == null || c.Day >= start) && (end == null || c.Day <= end));
            if (filter.Agency is null && filter.Role is null) counts = counts.Where(c => c.AgencyId == Guid.Empty && c.JobRole == "");
            if (filter.Agency is { } agency) counts = counts.Where(c => c.AgencyId == agency);
            if (filter.Role is { } role)
            {
                var name = role.ToString();
                counts = counts.Where(c => c.JobRole == name);
            }
            // Choice 0 counts the people deciding at a point at all. Grouped by version too, so the versions a major
            // change has superseded are set aside here, in memory.
            var byChoice = (await counts.GroupBy(c => new { c.ScenarioId, c.NodeId, c.ChoiceNumber, c.ModuleVersion })
                .Select(g => new { g.Key.ScenarioId, g.Key.NodeId, g.Key.ChoiceNumber, g.Key.ModuleVersion, People = g.Sum(c => c.People) })
                .ToListAsync(ct))
                .Where(c => !ModuleVersion.TryParse(c.ModuleVersion, out var parsed) || !module.IsSupersededByMajorChange(parsed))
                .ToList();

            var points = new List<DecisionPoint>();
            foreach (var scenario in module.SectionsOf<Scenario>())
            {
                foreach (var node in scenario.Nodes.Where(n => !n.IsEnding && n.Choices.Count > 0))
                {
                    var deciding = byChoice.Where(c => c.ScenarioId == scenario.Id && c.NodeId == node.Id && c.ChoiceNumber == 0).Sum(c => c.People);
                    var people = node.Choices.Select((_, i) => byChoice.Where(c => c.ScenarioId == scenario.Id && c.NodeId == node.Id && c.ChoiceNumber == i + 1).Sum(c => c.People)).ToList();
                    // Someone who went back and chose again counts under both options, so the options can add up to more than
                    // those deciding; but mostly they add up exactly, and a reader will take it that they do.
                    var (kinds, decidingKind) = Suppression.ProtectSum(people, deciding, totalShownElsewhere: false);
                    var choices = node.Choices.Select((choice, i) => new Choice(i + 1, choice.Text, choice.IsRecommended,
                        Figure.Count(people[i], kinds[i]), Figure.Rate(people[i], kinds[i], deciding, decidingKind))).ToList();
                    points.Add(new DecisionPoint(scenario.Title, node.Title, Figure.Count(deciding, decidingKind), choices));
                }
            }
            return new Model(filter, scope, modules, module.Title, points, await EndingsAsync(scope, filter, module, ct), []);
        }

        // Each progress's first time through counts once, at the ending it reached, from the same scope and period.
        private async Task<IReadOnlyList<Endings>> EndingsAsync(ReportScope scope, ReportFilter filter, ContentModule module, CancellationToken ct)
        {
            var (moduleId, start, end) = (module.Id, filter.From, filter.To);
            var counts = db.EndingCounts.AsNoTracking()
                .Where(c => c.PartnershipId == scope.PartnershipId && c.ModuleId == moduleId
                    && (start == null || c.Day >= start) && (end == null || c.Day <= end));
            if (filter.Agency is null && filter.Role is null) counts = counts.Where(c => c.AgencyId == Guid.Empty && c.JobRole == "");
            if (filter.Agency is { } agency) counts = counts.Where(c => c.AgencyId == agency);
            if (filter.Role is { } role)
            {
                var name = role.ToString();
                counts = counts.Where(c => c.JobRole == name);
            }
            var reached = (await counts.GroupBy(c => new { c.ScenarioId, c.EndingNodeId, c.ModuleVersion })
                .Select(g => new { g.Key.ScenarioId, g.Key.EndingNodeId, g.Key.ModuleVersion, People = g.Sum(c => c.People) })
                .ToListAsync(ct))
                .Where(c => !ModuleVersion.TryParse(c.ModuleVersion, out var parsed) || !module.IsSupersededByMajorChange(parsed))
                .ToList();

            var result = new List<Endings>();
            foreach (var scenario in module.SectionsOf<Scenario>())
            {
                var endings = scenario.Nodes.Where(n => n.IsEnding && n.Outcome is not null).ToList();
                var ids = endings.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                // Only endings the content still has: one taken out by a minor change has no title to show.
                var total = reached.Where(c => c.ScenarioId == scenario.Id && ids.Contains(c.EndingNodeId)).Sum(c => c.People);
                var people = endings.Select(node => reached.Where(c => c.ScenarioId == scenario.Id && c.EndingNodeId == node.Id).Sum(c => c.People)).ToList();
                var (kinds, totalKind) = Suppression.ProtectSum(people, total, totalShownElsewhere: false);
                result.Add(new Endings(scenario.Title, Figure.Count(total, totalKind), endings.Select((node, i) =>
                    new Ending(node.Title, node.Outcome!.Value, Figure.Count(people[i], kinds[i]), Figure.Rate(people[i], kinds[i], total, totalKind))).ToList()));
            }
            return result;
        }
    }
}
