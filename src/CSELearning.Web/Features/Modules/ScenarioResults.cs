using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.Web.Features.Modules;

// How a learner's times through each scenario of a module went, from the runs recorded: the first time through (its
// ending's outcome and first-pass score, the measure of what they knew), and the best outcome of any time through.
public static class ScenarioResults
{
    // Title: the scenario's title now, or its id when the content no longer has it.
    public sealed record Result(string ScenarioId, string Title, ScenarioRun First, EndingOutcome Best, int Times);

    public static IReadOnlyList<Result> Of(ContentModule? module, IEnumerable<ScenarioRun> runs)
    {
        var order = module?.Sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal) ?? [];
        return runs.GroupBy(r => r.ScenarioId)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Result(g.Key, module?.FindSection(g.Key)?.Title ?? g.Key, g.MinBy(r => r.Playthrough)!, g.Min(r => r.Outcome), g.Count()))
            .ToList();
    }
}
