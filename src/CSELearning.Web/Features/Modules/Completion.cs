using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Modules;

public static class Completion
{
    // Problem: Why a post changed nothing.
    // Scenarios: how each time through the module's scenarios went, in this progress.
    public sealed record Model(ContentModule Module, ModuleProgress Progress, IReadOnlyList<ModuleSection> Outstanding, int Score,
        ModuleCompletion? Recorded, string? Problem, Certificate? Certificate, IReadOnlyList<ScenarioResults.Result> Scenarios);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records, AppDbContext db)
    {
        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, string id, CancellationToken cancellationToken) =>
            await ModelAsync(principal, id, null, StatusCodes.Status200OK, cancellationToken);

        private async Task<HandlerResult> ModelAsync(ClaimsPrincipal principal, string id, string? problem, int statusCode, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module) return new NotFound();
            var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
            if (status.Working is not { } progress) return ModuleSections.StartFirst(module);
            var done = await records.SectionsAsync(progress, cancellationToken);
            var recorded = progress.IsCompleted ? status.LatestCompletion : null;
            var certificate = recorded is null ? null
                : await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.CompletionId == recorded.Id, cancellationToken);
            return new Page<Model>(new Model(module, progress, done.Outstanding(module), done.Score(module), recorded, problem, certificate,
                ScenarioResults.Of(module, done.Runs)), statusCode);
        }

        // Records the completion once: a second press, a replayed form, or a form from an earlier time through
        // the module is told so and changes nothing (the unique index on the progress backs this up).
        // sent: the names of the fields the form sent.
        public async Task<HandlerResult> CompleteAsync(ClaimsPrincipal principal, string id, string? progressNumber, IEnumerable<string> sent, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module) return new NotFound();
            var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
            if (status.Working is not { } progress) return ModuleSections.StartFirst(module);
            if (FormFields.HasUnexpected(sent, "progress"))
                return await ModelAsync(principal, id, "That form sent something this page never sends, such as a score or CPD hours, so nothing was recorded. A completion's score, time and hours are worked out from your records.",
                    StatusCodes.Status400BadRequest, cancellationToken);

            if (!int.TryParse(progressNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number != progress.Number)
                return await ModelAsync(principal, id, "That form was from an earlier time through this module, so nothing was changed.", StatusCodes.Status409Conflict, cancellationToken);
            if (progress.IsCompleted) return await AlreadyRecordedAsync(principal, id, cancellationToken);

            var done = await records.SectionsAsync(progress, cancellationToken);
            if (done.Outstanding(module).Count > 0)
                return await ModelAsync(principal, id, "You cannot complete the module yet: finish the sections listed below first.", StatusCodes.Status400BadRequest, cancellationToken);

            var completion = progress.Complete(module, done.Score(module), records.Now);
            db.ModuleCompletions.Add(completion);
            // The certificate is issued with the completion, in the same save: one cannot exist without the other.
            var learner = await db.Users.AsNoTracking().Where(u => u.Id == progress.UserId)
                .Select(u => new { u.DisplayName, Partnership = u.Agency == null ? null : u.Agency.Partnership!.Name })
                .SingleAsync(cancellationToken);
            db.Certificates.Add(new Certificate(completion, module, learner.DisplayName, learner.Partnership, records.Now));
            if (!await records.TrySaveAsync(cancellationToken)) return await AlreadyRecordedAsync(principal, id, cancellationToken);
            return new Done(ModuleSections.CompletionUrl(module), "Module completed: your completion has been recorded");
        }

        private Task<HandlerResult> AlreadyRecordedAsync(ClaimsPrincipal principal, string id, CancellationToken cancellationToken) =>
            ModelAsync(principal, id, "Your completion of this module was already recorded, so nothing was changed.", StatusCodes.Status409Conflict, cancellationToken);
    }
}
