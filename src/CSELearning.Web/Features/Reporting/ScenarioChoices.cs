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

            var reached = await ReachedAsync(scope, filter, module, ct);
            var points = new List<DecisionPoint>();
            var endings = new List<Endings>();
            foreach (var scenario in module.SectionsOf<Scenario>())
            {
                var (scenarioPoints, scenarioEndings) = Figures(scenario,
                    (node, choice) => byChoice.Where(c => c.ScenarioId == scenario.Id && c.NodeId == node && c.ChoiceNumber == choice).Sum(c => c.People),
                    node => reached.Where(c => c.ScenarioId == scenario.Id && c.EndingNodeId == node).Sum(c => c.People));
                points.AddRange(scenarioPoints);
                endings.Add(scenarioEndings);
            }
            return new Model(filter, scope, modules, module.Title, points, endings, []);
        }

        // A scenario's figures add up in three ways a reader can use: a point's options to the people deciding there, the
        // endings to the people reaching one, and the options that lead to a point or an ending to the people deciding or
        // ending there. The last two need not hold exactly (someone who went back counts under two options; someone can
        // stop between points), but a reader will take it that they do, so all of them are protected together.
        private static (List<DecisionPoint> Points, Endings Endings) Figures(Scenario scenario, Func<string, int, int> people, Func<string, int> reaching)
        {
            var counts = new List<int>();
            var sums = new List<Suppression.Sum>();
            int Cell(int count)
            {
                counts.Add(count);
                return counts.Count - 1;
            }
            var nodes = scenario.Nodes.Where(n => !n.IsEnding && n.Choices.Count > 0).ToList();
            var endingNodes = scenario.Nodes.Where(n => n.IsEnding && n.Outcome is not null).ToList();
            var deciding = nodes.ToDictionary(n => n.Id, n => Cell(people(n.Id, 0)));
            var options = nodes.ToDictionary(n => n.Id, n => n.Choices.Select((_, i) => Cell(people(n.Id, i + 1))).ToList());
            // Only endings the content still has: one taken out by a minor change has no title to show.
            var ending = endingNodes.ToDictionary(n => n.Id, n => Cell(reaching(n.Id)));
            var reached = Cell(endingNodes.Sum(n => reaching(n.Id)));
            sums.AddRange(nodes.Select(n => new Suppression.Sum(deciding[n.Id], options[n.Id])));
            sums.Add(new Suppression.Sum(reached, [.. ending.Values]));
            foreach (var (target, cell) in deciding.Concat(ending))
            {
                var leading = nodes.SelectMany(n => n.Choices.Select((c, i) => (c.Target, Cell: options[n.Id][i]))).Where(c => c.Target == target).Select(c => c.Cell).ToList();
                if (leading.Count > 0) sums.Add(new Suppression.Sum(cell, leading));
            }
            var kinds = Suppression.Protect(counts, sums);

            Figure Count(int cell) => Figure.Count(counts[cell], kinds[cell]);
            Figure Share(int cell, int of) => Figure.Rate(counts[cell], kinds[cell], counts[of], kinds[of]);
            var points = nodes.Select(n => new DecisionPoint(scenario.Title, n.Title, Count(deciding[n.Id]),
                n.Choices.Select((choice, i) => new Choice(i + 1, choice.Text, choice.IsRecommended, Count(options[n.Id][i]), Share(options[n.Id][i], deciding[n.Id]))).ToList())).ToList();
            return (points, new Endings(scenario.Title, Count(reached),
                endingNodes.Select(n => new Ending(n.Title, n.Outcome!.Value, Count(ending[n.Id]), Share(ending[n.Id], reached))).ToList()));
        }

        // Each progress's first time through counts once, at the ending it reached, from the same scope and period.
        private async Task<List<(string ScenarioId, string EndingNodeId, int People)>> ReachedAsync(ReportScope scope, ReportFilter filter, ContentModule module, CancellationToken ct)
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
            return (await counts.GroupBy(c => new { c.ScenarioId, c.EndingNodeId, c.ModuleVersion })
                .Select(g => new { g.Key.ScenarioId, g.Key.EndingNodeId, g.Key.ModuleVersion, People = g.Sum(c => c.People) })
                .ToListAsync(ct))
                .Where(c => !ModuleVersion.TryParse(c.ModuleVersion, out var parsed) || !module.IsSupersededByMajorChange(parsed))
                .Select(c => (c.ScenarioId, c.EndingNodeId, c.People))
                .ToList();
        }
    }
}
