using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

[FeatureService]
public sealed class SupervisorReview(AppDbContext db, ReflectionAccess access, Open.Handler open)
{
    // A step the supervisor has not confirmed: the log again, unchanged, with the refusal beside the confirmation.
    public async Task<HandlerResult> RefuseAsync(ClaimsPrincipal principal, Guid id, string message, Open.ReviewDraft kept, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader)) return new NotFound();
        if (reader != Reader.Supervisor) return new Forbidden();
        return new Page<Open.Model>(await open.ModelAsync(log, reader, null, message, null, conflict: false, cancellationToken, kept), StatusCodes.Status400BadRequest);
    }

    // Kept: what the supervisor wrote, shown again in its box if the step is refused.
    public async Task<HandlerResult> TakeAsync(ClaimsPrincipal principal, Guid id, Action<ReflectiveLog, Guid, DateTime> step, string done,
        CancellationToken cancellationToken, Open.ReviewDraft? kept = null)
    {
        if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader)) return new NotFound();
        if (reader != Reader.Supervisor) return new Forbidden();
        var supervisorId = principal.UserId();
        var now = access.Now;
        if (await db.SaveOrRefuseAsync(() => step(log, supervisorId, now), cancellationToken) is not { } refused)
            return new Done($"/reflections/{id}", done);

        var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
        var message = refused.Message ?? "This log changed while you were reviewing it, so nothing was changed.";
        return new Page<Open.Model>(await open.ModelAsync(current, reader, null, message, null, conflict: false, cancellationToken, kept), refused.StatusCode);
    }
}
