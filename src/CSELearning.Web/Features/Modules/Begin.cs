using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Modules;

// Pressing Start twice, or going back and pressing it again, carries on with the progress already made.
public static class Begin
{
    // Started: Whether a new progress was made (false: carrying on, or already completed).
    public sealed record Result(string Url, bool Started);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records, AppDbContext db)
    {
        public async Task<Result?> HandleAsync(ClaimsPrincipal principal, string id, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module) return null;
            var userId = principal.UserId();
            var status = await records.StatusAsync(userId, module, cancellationToken);
            if (status.Active is { } active) return new Result(ModuleSections.ContinueUrl(module, active), Started: false);
            if (status.State == LearningState.Completed) return new Result(ModuleSections.StartUrl(module), Started: false);

            var progress = new ModuleProgress(userId, module, (status.Latest?.Number ?? 0) + 1, records.Now);
            db.ModuleProgress.Add(progress);
            if (await records.TrySaveAsync(cancellationToken))
                return new Result(ModuleSections.ContinueUrl(module, progress), Started: true);

            // Another request started it a moment ago (a double click): carry on with that one.
            var now = await records.StatusAsync(userId, module, cancellationToken);
            return new Result(now.Active is { } started ? ModuleSections.ContinueUrl(module, started) : ModuleSections.StartUrl(module), Started: false);
        }
    }
}
