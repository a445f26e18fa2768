using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

[FeatureService]
public sealed class SupervisorReview(AppDbContext db, ITextProtector protector, ReflectionAccess access, ReviewDrafts drafts, Open.Handler open)
{
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
        return new Page<Open.Model>(await open.ModelAsync(current, reader, supervisorId, null, message, null, conflict: false, cancellationToken, kept), refused.StatusCode);
    }

    // One step of the review form. Every comment written in it is added with the step, in the same save, and
    // whatever the step does not send stays as the supervisor's draft; refused, nothing is changed and every box
    // comes back with its text. Step returns whether the revision note was sent (and so leaves the draft).
    public async Task<HandlerResult> ReviewAsync(ClaimsPrincipal principal, Guid id, ReviewForm form, Func<ReflectiveLog, Guid, DateTime, bool> step,
        Func<int, string> done, string? problemField, CancellationToken cancellationToken)
    {
        form.Normalised();
        if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader)) return new NotFound();
        if (reader != Reader.Supervisor) return new Forbidden();
        var supervisorId = principal.UserId();
        var now = access.Now;

        var problems = form.CommentProblems();
        if (problems.Count > 0)
            return new Page<Open.Model>(await open.ModelAsync(log, reader, supervisorId, null, null, problems, conflict: false, cancellationToken, reviewForm: form),
                StatusCodes.Status400BadRequest);

        var draft = await drafts.FindAsync(supervisorId, id, FormDraft.Review, cancellationToken);
        var written = form.WrittenComments;
        var refused = await db.SaveOrRefuseAsync(() =>
        {
            foreach (var (stage, text) in written)
            {
                db.ReviewComments.Add(new ReviewComment(log, supervisorId, stage, text, protector, now));
                db.AuditEntries.Add(new AuditEntry(AuditAction.CommentAdded, supervisorId, log.Id, log.AuthorId, now, stage.Heading()));
            }
            var revisionSent = step(log, supervisorId, now);
            drafts.Keep(draft, supervisorId, id, FormDraft.Review, form.DraftFields(comments: false, revision: !revisionSent), expectedVersion: null, now);
        }, cancellationToken, duplicateKeyIsConflict: true);
        if (refused is null) return new Done($"/reflections/{id}", done(written.Count));

        var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
        var message = refused.Message ?? "This log changed while you were reviewing it, so nothing was changed.";
        return new Page<Open.Model>(await open.ModelAsync(current, reader, supervisorId, null, message + " Your text is still in the form.",
            null, conflict: false, cancellationToken, reviewForm: form, problemField: problemField), refused.StatusCode);
    }
}
