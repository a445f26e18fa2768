using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

/// <summary>
/// For each decision point of a module's scenarios, the share of learners choosing each option: where the
/// recommended practice is chosen least, practice understanding is weakest. A learner's first time through
/// a scenario is what counts (not replays after seeing the feedback); a choice they went back on still
/// counts, as the choice they first made. Only versions of the module that a major change has not
/// superseded are counted, so node and option numbers mean what the published content says. Each share is
/// drawn from the people deciding at that point and is suppressed, like every count, below five people.
/// </summary>
public static class ScenarioChoices
{
    public sealed record Choice(int Number, string Text, bool IsRecommended, Figure People, Figure Share);

    public sealed record DecisionPoint(string ScenarioTitle, string NodeTitle, Figure People, IReadOnlyList<Choice> Choices);

    public sealed record Model(ReportFilter Filter, ReportScope Scope, IReadOnlyList<Option> Modules, string? ModuleTitle,
        IReadOnlyList<DecisionPoint> Points, IReadOnlyList<string> Errors) : IReportModel
    {
        public IEnumerable<IEnumerable<string?>> CsvRows()
        {
            yield return ["Scenario", "Decision point", "Option", "Recommended", "People choosing", "Share of people deciding"];
            foreach (var point in Points)
                foreach (var choice in point.Choices)
                    yield return [point.ScenarioTitle, point.NodeTitle, choice.Text, choice.IsRecommended ? "Yes" : "No", choice.People.ToString(), choice.Share.ToString()];
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
            if (errors.Count > 0 || module is null) return new Model(filter, scope, modules, module?.Title, [], errors.Distinct().ToList());

            var moduleId = module.Id;
            var versions = await db.ScenarioDecisions.AsNoTracking().Where(d => d.ModuleId == moduleId).Select(d => d.ModuleVersion).Distinct().ToListAsync(ct);
            var current = versions.Where(v => !ModuleVersion.TryParse(v, out var parsed) || !module.IsSupersededByMajorChange(parsed)).ToList();
            var (start, end) = (filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

            var decisions = db.ScenarioDecisions.AsNoTracking()
                .Where(d => d.ModuleId == moduleId && d.Playthrough == 1 && current.Contains(d.ModuleVersion)
                    && (start == null || d.MadeAt >= start) && (end == null || d.MadeAt < end))
                .Join(scope.Learners(db, filter), d => d.UserId, u => u.Id, (d, u) => d);
            var byChoice = await decisions.GroupBy(d => new { d.ScenarioId, d.NodeId, d.ChoiceNumber })
                .Select(g => new { g.Key.ScenarioId, g.Key.NodeId, g.Key.ChoiceNumber, People = g.Select(d => d.UserId).Distinct().Count() })
                .ToListAsync(ct);
            var byNode = await decisions.GroupBy(d => new { d.ScenarioId, d.NodeId })
                .Select(g => new { g.Key.ScenarioId, g.Key.NodeId, People = g.Select(d => d.UserId).Distinct().Count() })
                .ToListAsync(ct);

            var points = new List<DecisionPoint>();
            foreach (var scenario in module.SectionsOf<Scenario>())
            {
                foreach (var node in scenario.Nodes.Where(n => !n.IsEnding && n.Choices.Count > 0))
                {
                    var deciding = byNode.Where(n => n.ScenarioId == scenario.Id && n.NodeId == node.Id).Sum(n => n.People);
                    var choices = node.Choices.Select((choice, i) =>
                    {
                        var people = byChoice.Where(c => c.ScenarioId == scenario.Id && c.NodeId == node.Id && c.ChoiceNumber == i + 1).Sum(c => c.People);
                        return new Choice(i + 1, choice.Text, choice.IsRecommended, Figure.Count(people), Figure.Rate(people, deciding));
                    }).ToList();
                    points.Add(new DecisionPoint(scenario.Title, node.Title, Figure.Count(deciding), choices));
                }
            }
            return new Model(filter, scope, modules, module.Title, points, []);
        }
    }
}
