using System.Net;
using System.Text.RegularExpressions;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Features.Reporting;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.ItemAnalysis;

// How each question and scenario choice of a module performs, for the people who review the content: counts of first
// attempts and first times through, added up across every partnership, never a person. Read from the counts kept as
// attempts and decisions are saved, so a request adds up a few hundred rows whatever the number of learners. Versions
// since the module's last major change share their question and option numbers, so they can be added together.
public static partial class ModuleItems
{
    public sealed class Query
    {
        public string? Module { get; set; }
        // Empty for every version since the last major change.
        public string? Version { get; set; }

        public string QueryString() =>
            "?module=" + Uri.EscapeDataString(Module ?? "") + (string.IsNullOrEmpty(Version) ? "" : "&version=" + Uri.EscapeDataString(Version));
    }

    public sealed record OptionRow(int Number, HtmlString Label, string Text, bool IsCorrect, Figure Chosen, Figure Share);

    public sealed record QuestionRow(string CheckTitle, int Number, string Text, bool AllowsMultipleAnswers, Figure Attempts, Figure Facility,
        Figure Discrimination, IReadOnlyList<OptionRow> Options, IReadOnlyList<string> ReviewReasons);

    public sealed record ChoiceRow(int Number, string Text, bool IsRecommended, Figure People, Figure Share);

    public sealed record DecisionPoint(string ScenarioTitle, string NodeTitle, Figure People, IReadOnlyList<ChoiceRow> Choices);

    public sealed record EndingRow(string Title, string Outcome, Figure People, Figure Share);

    public sealed record ScenarioEndings(string ScenarioTitle, Figure People, IReadOnlyList<EndingRow> Endings);

    public sealed record Model(Query Query, IReadOnlyList<Option> Modules, IReadOnlyList<Option> Versions, string? ModuleTitle,
        IReadOnlyList<QuestionRow> Questions, IReadOnlyList<DecisionPoint> Points, IReadOnlyList<ScenarioEndings> Endings, IReadOnlyList<string> Errors)
    {
        public IEnumerable<IEnumerable<string?>> CsvRows()
        {
            yield return ["Kind", "Check or scenario", "Question or decision point", "Option", "Correct or recommended",
                "First attempts or people", "Share choosing", "Facility", "Discrimination", "Needs review"];
            foreach (var q in Questions)
            {
                var question = $"Question {q.Number}: {q.Text}";
                yield return ["Question", q.CheckTitle, question, "", "", q.Attempts.ToString(), "", q.Facility.ToString(), q.Discrimination.ToString(),
                    q.ReviewReasons.Count == 0 ? "No" : "Yes: " + string.Join("; ", q.ReviewReasons)];
                foreach (var o in q.Options)
                    yield return ["Option", q.CheckTitle, question, $"Option {o.Number}: {o.Text}", o.IsCorrect ? "Correct" : "No",
                        o.Chosen.ToString(), o.Share.ToString(), "", "", ""];
            }
            foreach (var point in Points)
                foreach (var c in point.Choices)
                    yield return ["Scenario choice", point.ScenarioTitle, point.NodeTitle, $"Option {c.Number}: {c.Text}", c.IsRecommended ? "Recommended" : "No",
                        c.People.ToString(), c.Share.ToString(), "", "", ""];
            foreach (var scenario in Endings)
                foreach (var e in scenario.Endings)
                    yield return ["Scenario ending", scenario.ScenarioTitle, "", $"{e.Title} ({e.Outcome})", "", e.People.ToString(), e.Share.ToString(), "", "", ""];
        }
    }

    public sealed class Handler(AppDbContext db, ContentCatalog catalog)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken ct)
        {
            var ordered = catalog.Modules.OrderBy(m => m.Title, StringComparer.Ordinal).ToList();
            var modules = ordered.Select(m => new Option(m.Id, m.Title)).ToList();
            query.Module = string.IsNullOrEmpty(query.Module) ? ordered.FirstOrDefault()?.Id : query.Module;
            var module = ordered.FirstOrDefault(m => m.Id == query.Module);
            if (module is null)
                return new Model(query, modules, [], null, [], [], [], query.Module is null ? [] : ["Choose a module from the list"]);

            var moduleId = module.Id;
            var totals = await db.CheckTotalCounts.AsNoTracking().Where(c => c.ModuleId == moduleId)
                .Select(c => new { c.ModuleVersion, c.CheckId, c.Total, c.Attempts }).ToListAsync(ct);
            var questionTotals = await db.QuestionTotalCounts.AsNoTracking().Where(c => c.ModuleId == moduleId)
                .Select(c => new { c.ModuleVersion, c.CheckId, c.QuestionId, c.Total, c.Correct }).ToListAsync(ct);
            var options = await db.OptionChoiceCounts.AsNoTracking().Where(c => c.ModuleId == moduleId)
                .Select(c => new { c.ModuleVersion, c.CheckId, c.QuestionId, c.OptionNumber, c.Attempts }).ToListAsync(ct);
            // Each partnership's all-agencies rows, so every learner is counted once. Named partnership by partnership,
            // so each is a seek on the reports' index, which leads with the partnership.
            var partnerships = await db.Partnerships.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
            var choices = await db.ChoiceCounts.AsNoTracking()
                .Where(c => partnerships.Contains(c.PartnershipId) && c.ModuleId == moduleId && c.AgencyId == Guid.Empty && c.JobRole == "")
                .GroupBy(c => new { c.ModuleVersion, c.ScenarioId, c.NodeId, c.ChoiceNumber })
                .Select(g => new { g.Key.ModuleVersion, g.Key.ScenarioId, g.Key.NodeId, g.Key.ChoiceNumber, People = g.Sum(c => c.People) })
                .ToListAsync(ct);
            var endings = await db.EndingCounts.AsNoTracking()
                .Where(c => partnerships.Contains(c.PartnershipId) && c.ModuleId == moduleId && c.AgencyId == Guid.Empty && c.JobRole == "")
                .GroupBy(c => new { c.ModuleVersion, c.ScenarioId, c.EndingNodeId })
                .Select(g => new { g.Key.ModuleVersion, g.Key.ScenarioId, g.Key.EndingNodeId, People = g.Sum(c => c.People) })
                .ToListAsync(ct);

            // The version served and those before it since its last major change, newest first.
            var versions = totals.Select(t => t.ModuleVersion).Concat(choices.Select(c => c.ModuleVersion)).Concat(endings.Select(e => e.ModuleVersion)).Append(module.Version.ToString())
                .Distinct(StringComparer.Ordinal)
                .Select(v => ModuleVersion.TryParse(v, out var parsed) ? parsed : (ModuleVersion?)null)
                .OfType<ModuleVersion>()
                .Where(v => v <= module.Version && !module.IsSupersededByMajorChange(v))
                .OrderDescending()
                .Select(v => v.ToString())
                .ToList();
            var versionOptions = versions.Select(v => new Option(v, v == module.Version.ToString() ? $"{v} (served now)" : v)).ToList();
            if (!string.IsNullOrEmpty(query.Version) && !versions.Contains(query.Version, StringComparer.Ordinal))
                return new Model(query, modules, versionOptions, module.Title, [], [], [], ["Choose a version from the list"]);
            var counted = string.IsNullOrEmpty(query.Version) ? versions.ToHashSet(StringComparer.Ordinal) : [query.Version];

            var questions = new List<QuestionRow>();
            foreach (var check in module.SectionsOf<KnowledgeCheck>())
            {
                var byTotal = totals.Where(t => t.CheckId == check.Id && counted.Contains(t.ModuleVersion))
                    .GroupBy(t => t.Total).ToDictionary(g => g.Key, g => g.Sum(t => t.Attempts));
                var attempts = byTotal.Values.Sum();
                var number = 0;
                foreach (var question in check.Questions)
                {
                    number++;
                    var correctByTotal = questionTotals.Where(t => t.CheckId == check.Id && t.QuestionId == question.Id && counted.Contains(t.ModuleVersion))
                        .GroupBy(t => t.Total).ToDictionary(g => g.Key, g => g.Sum(t => t.Correct));
                    var correct = correctByTotal.Values.Sum();
                    var chosen = options.Where(o => o.CheckId == check.Id && o.QuestionId == question.Id && counted.Contains(o.ModuleVersion))
                        .GroupBy(o => o.OptionNumber).ToDictionary(g => g.Key, g => g.Sum(o => o.Attempts));
                    var rows = question.Options.Select((o, i) =>
                    {
                        var people = chosen.GetValueOrDefault(i + 1);
                        return new OptionRow(i + 1, o.Label.Html, PlainText(o.Label.Html), o.IsCorrect, Figure.Count(people), Figure.Rate(people, attempts));
                    }).ToList();
                    var facility = ItemStatistics.Facility(attempts, correct);
                    var discrimination = ItemStatistics.Discrimination(byTotal, correctByTotal);
                    var reasons = ItemStatistics.ReviewReasons(attempts, facility, discrimination,
                        question.Options.Select((o, i) => new ItemStatistics.OptionCount(o.IsCorrect, chosen.GetValueOrDefault(i + 1))), Figure.SmallestGroup);
                    questions.Add(new QuestionRow(check.Title, number, question.Text, question.AllowsMultipleAnswers, Figure.Count(attempts),
                        Figure.Rate(correct, attempts), Figure.Index(attempts, discrimination), rows, reasons));
                }
            }

            var points = new List<DecisionPoint>();
            var chosenAt = choices.Where(c => counted.Contains(c.ModuleVersion))
                .GroupBy(c => (c.ScenarioId, c.NodeId, c.ChoiceNumber)).ToDictionary(g => g.Key, g => g.Sum(c => c.People));
            foreach (var scenario in module.SectionsOf<Scenario>())
            {
                foreach (var node in scenario.Nodes.Where(n => !n.IsEnding && n.Choices.Count > 0))
                {
                    // Choice 0 counts the people deciding at the point at all.
                    var deciding = chosenAt.GetValueOrDefault((scenario.Id, node.Id, 0));
                    var rows = node.Choices.Select((choice, i) =>
                    {
                        var people = chosenAt.GetValueOrDefault((scenario.Id, node.Id, i + 1));
                        return new ChoiceRow(i + 1, choice.Text, choice.IsRecommended, Figure.Count(people), Figure.Rate(people, deciding));
                    }).ToList();
                    points.Add(new DecisionPoint(scenario.Title, node.Title, Figure.Count(deciding), rows));
                }
            }

            // Of the people whose first time through reached an ending, the share reaching each.
            var reached = endings.Where(e => counted.Contains(e.ModuleVersion))
                .GroupBy(e => (e.ScenarioId, e.EndingNodeId)).ToDictionary(g => g.Key, g => g.Sum(e => e.People));
            var scenarioEndings = module.SectionsOf<Scenario>().Select(scenario =>
            {
                var people = reached.Where(r => r.Key.ScenarioId == scenario.Id).Sum(r => r.Value);
                return new ScenarioEndings(scenario.Title, Figure.Count(people), scenario.Nodes.Where(n => n.IsEnding).Select(n =>
                {
                    var here = reached.GetValueOrDefault((scenario.Id, n.Id));
                    return new EndingRow(n.Title, n.Outcome?.ToString().ToLowerInvariant() ?? "", Figure.Count(here), Figure.Rate(here, people));
                }).ToList());
            }).ToList();
            return new Model(query, modules, versionOptions, module.Title, questions, points, scenarioEndings, []);
        }

        private static string PlainText(HtmlString html) => WebUtility.HtmlDecode(Tags().Replace(html.Value ?? "", "")).Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
