using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Modules;

/// <summary>
/// A scenario as the learner sees it now: the feedback on the choice that brought them here, the node's
/// narrative, and its choices (or, at an ending, what happened and what good practice would have been).
/// Everything comes from the position held on the server; the page works without JavaScript.
/// </summary>
public static class PlayScenario
{
    /// <param name="Revision">The position's revision: every form on the page carries it back.</param>
    /// <param name="ArrivedBy">The choice that led to this node, with its feedback; null at the start.</param>
    /// <param name="Restarted">The learner's place was lost to a content change, so they are at the start again.</param>
    /// <param name="Problem">Why the last post changed nothing, shown in the error summary.</param>
    /// <param name="NoChoiceSelected">The learner pressed Continue without selecting a choice.</param>
    /// <param name="Next">Where "Continue" goes from an ending: the next section, or the completion page.</param>
    public sealed record Model(ContentModule Module, Scenario Scenario, ScenarioNode Node, int Revision, int Steps, int Playthrough,
        ScenarioChoice? ArrivedBy, bool Restarted, bool EndingReached, string? Problem, bool NoChoiceSelected, Read.Link Next);

    public abstract record Result;
    public sealed record NotFound : Result;
    /// <summary>The learner has not started the module (or must start it again): to the start page.</summary>
    public sealed record StartFirst(string Url) : Result;
    /// <summary>The step was taken: to the scenario's page (post, redirect, get).</summary>
    public sealed record Moved(string Url) : Result;
    public sealed record Show(Model Model, int StatusCode = StatusCodes.Status200OK) : Result;

    /// <summary>The learner's scenario and their position in it, loaded (or made, at the start) for a step.</summary>
    public sealed record Context(ContentModule Module, Scenario Scenario, ModuleProgress Progress, ScenarioPosition Position);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records, AppDbContext db)
    {
        public async Task<Result> ShowAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            var (early, context) = await LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            await records.NoteVisitAsync(context!.Progress, context.Scenario.Id, cancellationToken);
            return new Show(await ModelAsync(context, null, false, cancellationToken));
        }

        /// <summary>
        /// The scenario and the learner's position, or why there is nothing to step through. A position not yet
        /// saved (the learner has made no choice) is added to the context's unit of work, at the start.
        /// </summary>
        public async Task<(Result? Early, Context? Context)> LoadAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module || module.FindSection(sectionId) is not Scenario scenario) return (new NotFound(), null);
            var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
            if (status.Working is not { } progress) return (new StartFirst(ModuleSections.StartUrl(module)), null);

            var position = await db.ScenarioPositions.SingleOrDefaultAsync(p => p.ProgressId == progress.Id && p.ScenarioId == scenario.Id, cancellationToken);
            if (position is null)
            {
                position = new ScenarioPosition(progress, scenario);
                db.ScenarioPositions.Add(position);
            }
            return (null, new Context(module, scenario, progress, position));
        }

        /// <summary>The latest decision on the learner's current path (not taken back), if any.</summary>
        public Task<ScenarioDecision?> LastDecisionAsync(Context context, CancellationToken cancellationToken) =>
            db.ScenarioDecisions
                .Where(d => d.ProgressId == context.Progress.Id && d.ScenarioId == context.Scenario.Id
                    && d.Playthrough == context.Position.Playthrough && d.WithdrawnAt == null)
                .OrderByDescending(d => d.Step)
                .FirstOrDefaultAsync(cancellationToken);

        public async Task<Model> ModelAsync(Context context, string? problem, bool noChoiceSelected, CancellationToken cancellationToken)
        {
            var (module, scenario, _, position) = context;
            var node = position.CurrentNode(scenario);
            var last = position.Steps > 0 ? await LastDecisionAsync(context, cancellationToken) : null;
            var arrivedBy = last is not null && last.TargetNodeId == node.Id && scenario.FindNode(last.NodeId) is { } from
                && last.ChoiceNumber <= from.Choices.Count && from.Choices[last.ChoiceNumber - 1].Target == node.Id
                    ? from.Choices[last.ChoiceNumber - 1]
                    : null;
            return new Model(module, scenario, node, position.Revision, position.Steps, position.Playthrough, arrivedBy,
                Restarted: !position.IsOnPath(scenario), EndingReached: position.EndingReachedAt is not null, problem, noChoiceSelected,
                ModuleSections.Next(module, scenario));
        }

        /// <summary>
        /// Saves a step, or shows the learner where they are with <paramref name="refusal"/>'s message. A save
        /// that loses a race with another post from the same page is refused as out of date.
        /// </summary>
        public async Task<Result> FinishAsync(ClaimsPrincipal principal, Context context, ScenarioRefusal? refusal, CancellationToken cancellationToken)
        {
            if (refusal is null && await records.TrySaveAsync(cancellationToken))
                return new Moved(ModuleSections.Url(context.Module, context.Scenario));

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
            return new Show(await ModelAsync(context, message, refusal == ScenarioRefusal.NoChoice, cancellationToken), status);
        }

        private static (string Message, int Status) Refusal(ScenarioRefusal refusal) => refusal switch
        {
            ScenarioRefusal.NoChoice => ("Select what you would do", StatusCodes.Status400BadRequest),
            ScenarioRefusal.UnknownNode => ("That step is not part of this scenario, so nothing was changed. Carry on from where you are, below.", StatusCodes.Status400BadRequest),
            ScenarioRefusal.UnknownChoice => ("That choice is not one of the options at this point, so nothing was changed. Select one of the options below.", StatusCodes.Status400BadRequest),
            ScenarioRefusal.AtStart => ("You are at the start of the scenario, so there is no earlier choice to go back to.", StatusCodes.Status400BadRequest),
            ScenarioRefusal.OutOfDate => ("That page was out of date: you had already moved on from it, perhaps in another tab or by sending the form twice. Nothing was changed; this is where you are now.", StatusCodes.Status409Conflict),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
    }
}

/// <summary>Making a choice at the learner's current node.</summary>
public static class Choose
{
    public sealed class Input
    {
        public string? Node { get; set; }
        public string? Choice { get; set; }
        public string? Revision { get; set; }
    }

    public sealed class Handler(PlayScenario.Handler play, LearnerRecords records, AppDbContext db)
    {
        public async Task<PlayScenario.Result> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken)
        {
            var (early, context) = await play.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var (decision, refusal) = context!.Position.Choose(context.Scenario, context.Progress, context.Module.Version.ToString(),
                input.Node, input.Choice, input.Revision, records.Now);
            if (decision is not null) db.ScenarioDecisions.Add(decision);
            return await play.FinishAsync(principal, context, refusal, cancellationToken);
        }
    }
}

/// <summary>Taking back the latest choice, to decide again at the node it was made at.</summary>
public static class GoBack
{
    public sealed class Input
    {
        public string? Revision { get; set; }
    }

    public sealed class Handler(PlayScenario.Handler play, LearnerRecords records)
    {
        public async Task<PlayScenario.Result> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, Input input, CancellationToken cancellationToken)
        {
            var (early, context) = await play.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var last = context!.Position.Steps > 0 ? await play.LastDecisionAsync(context, cancellationToken) : null;
            var refusal = context.Position.GoBack(last, context.Progress, input.Revision, records.Now);
            return await play.FinishAsync(principal, context, refusal, cancellationToken);
        }
    }
}

/// <summary>Playing the scenario again from its first node; every choice already made stays recorded.</summary>
public static class StartAgain
{
    public sealed class Handler(PlayScenario.Handler play, LearnerRecords records)
    {
        public async Task<PlayScenario.Result> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, GoBack.Input input, CancellationToken cancellationToken)
        {
            var (early, context) = await play.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var refusal = context!.Position.StartAgain(context.Scenario, context.Progress, input.Revision, records.Now);
            return await play.FinishAsync(principal, context, refusal, cancellationToken);
        }
    }
}
