using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

/// <summary>
/// What every step of a supervisor's review shares (a comment, a revision request, a sign-off, a reopening): only
/// a current supervisor of the author takes one, and a step the log refuses shows the log again with why.
/// </summary>
public sealed class SupervisorReview(AppDbContext db, ReflectionAccess access, Open.Handler open)
{
    public abstract record Result;
    public sealed record NotFound : Result;
    /// <summary>The author cannot review their own log.</summary>
    public sealed record Forbidden : Result;
    public sealed record Done(string Message) : Result;
    public sealed record Refused(Open.Model Model, int StatusCode) : Result;

    /// <param name="step">Changes the log, and adds what goes with the change, as the supervisor (by id) at the time given.</param>
    /// <param name="done">The confirmation shown once the step is saved.</param>
    public async Task<Result> TakeAsync(ClaimsPrincipal principal, Guid id, Action<ReflectiveLog, Guid, DateTime> step, string done,
        CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader)) return new NotFound();
        if (reader != Reader.Supervisor) return new Forbidden();
        var supervisorId = principal.UserId();
        var now = access.Now;
        try
        {
            step(log, supervisorId, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Done(done);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            var conflict = ex is LogConflictException or DbUpdateConcurrencyException;
            db.ChangeTracker.Clear();
            var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
            var message = ex is DomainException domain ? domain.Message : "This log changed while you were reviewing it, so nothing was changed.";
            return new Refused(await open.ModelAsync(current, reader, null, message, null, conflict: false, cancellationToken),
                conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
    }
}
