using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

[FeatureService]
public sealed class ScenarioSteps(ContentCatalog catalog, LearnerRecords records, AppDbContext db, RouteReview routes)
{
    public sealed record Context(ContentModule Module, Scenario Scenario, ModuleProgress Progress, ScenarioPosition Position);

    // A position not yet saved (no choice made) is added to the context's unit of work.
    public async Task<(HandlerResult? Early, Context? Context)> LoadAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } module || module.FindSection(sectionId) is not Scenario scenario) return (new NotFound(), null);
        var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
        if (status.Working is not { } progress) return (ModuleSections.StartFirst(module), null);

        var position = await db.ScenarioPositions.SingleOrDefaultAsync(p => p.ProgressId == progress.Id && p.ScenarioId == scenario.Id, cancellationToken);
        if (position is null)
        {
            position = new ScenarioPosition(progress, scenario);
            db.ScenarioPositions.Add(position);
        }
        return (null, new Context(module, scenario, progress, position));
    }

    public Task<ScenarioDecision?> LastDecisionAsync(Context context, CancellationToken cancellationToken) =>
        db.ScenarioDecisions
            .Where(d => d.ProgressId == context.Progress.Id && d.ScenarioId == context.Scenario.Id
                && d.Playthrough == context.Position.Playthrough && d.WithdrawnAt == null)
            .OrderByDescending(d => d.Step)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<PlayScenario.Model> ModelAsync(Context context, string? problem, bool noChoiceSelected, CancellationToken cancellationToken)
    {
        var (module, scenario, _, position) = context;
        var node = position.CurrentNode(scenario);
        var last = position.Steps > 0 ? await LastDecisionAsync(context, cancellationToken) : null;
        var arrivedBy = last is not null && last.TargetNodeId == node.Id && scenario.FindNode(last.NodeId) is { } from
            && last.ChoiceNumber <= from.Choices.Count && from.Choices[last.ChoiceNumber - 1].Target == node.Id
                ? from.Choices[last.ChoiceNumber - 1]
                : null;
        var shown = position.ShownOrder(node).Select(number => node.Choices[number - 1]).ToList();
        var review = node.IsEnding ? await routes.ForAsync(module, scenario, position, cancellationToken) : null;
        return new PlayScenario.Model(module, scenario, node, shown, position.Revision, position.Steps, position.Playthrough, arrivedBy,
            Restarted: !position.IsOnPath(scenario), EndingReached: position.EndingReachedAt is not null, problem, noChoiceSelected,
            ModuleSections.Next(module, scenario), review);
    }

    public async Task<HandlerResult> TakeAsync(ClaimsPrincipal principal, string id, string sectionId, Func<Context, Task<ScenarioRefusal?>> step,
        CancellationToken cancellationToken)
    {
        var (early, context) = await LoadAsync(principal, id, sectionId, cancellationToken);
        if (early is not null) return early;
        return await FinishAsync(principal, context!, await step(context!), cancellationToken);
    }

    // A save that loses a race with another post from the same page is refused as out of date.
    private async Task<HandlerResult> FinishAsync(ClaimsPrincipal principal, Context context, ScenarioRefusal? refusal, CancellationToken cancellationToken)
    {
        if (refusal is null && await records.TrySaveAsync(cancellationToken))
            return new Done(ModuleSections.Url(context.Module, context.Scenario));

        refusal ??= ScenarioRefusal.OutOfDate;
        if (refusal == ScenarioRefusal.OutOfDate)
        {
            // Show the position as it is in the database now, not as this request left it.
            db.ChangeTracker.Clear();
            var (early, fresh) = await LoadAsync(principal, context.Module.Id, context.Scenario.Id, cancellationToken);
            if (early is not null) return early;
            context = fresh!;
        }
        var (message, status) = Refusal(refusal.Value);
        return new Page<PlayScenario.Model>(await ModelAsync(context, message, refusal == ScenarioRefusal.NoChoice, cancellationToken), status);
    }

    private static (string Message, int Status) Refusal(ScenarioRefusal refusal) => refusal switch
    {
        ScenarioRefusal.NoChoice => ("Select what you would do", StatusCodes.Status400BadRequest),
        ScenarioRefusal.UnknownNode => ("That step is not part of this scenario, so nothing was changed. Carry on from where you are, below.", StatusCodes.Status400BadRequest),
        ScenarioRefusal.UnknownChoice => ("That choice is not one of the options at this point, so nothing was changed. Select one of the options below.", StatusCodes.Status400BadRequest),
        ScenarioRefusal.UnexpectedFields => ("That form sent something this page never sends, such as an ending or a score, so nothing was changed. How a scenario ends and its score are worked out from your choices. Carry on from where you are, below.", StatusCodes.Status400BadRequest),
        ScenarioRefusal.AtStart => ("You are at the start of the scenario, so there is no earlier choice to go back to.", StatusCodes.Status400BadRequest),
        ScenarioRefusal.OutOfDate => ("That page was out of date: you had already moved on from it, perhaps in another tab or by sending the form twice. Nothing was changed; this is where you are now.", StatusCodes.Status409Conflict),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };
}
