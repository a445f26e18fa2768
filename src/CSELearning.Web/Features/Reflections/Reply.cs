using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

// The author's replies to their supervisors' comments, every stage's at once. Audited with the stage, never its text.
public static class Reply
{
    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access, ReviewDrafts drafts, Open.Handler open)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, RepliesForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader)) return new NotFound();
            if (reader != Reader.Author) return new Forbidden();
            var now = access.Now;
            var written = form.WrittenReplies;
            var commented = await db.ReviewComments.Where(c => c.LogId == id).Select(c => c.Stage).Distinct().ToListAsync(cancellationToken);

            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (stage, text) in written)
            {
                try { _ = new CommentReply(log, log.AuthorId, stage, text, commented.Contains(stage), protector, now); }
                catch (DomainException exception) { problems[RepliesForm.ReplyField(stage)] = $"{stage.Heading()}: {exception.Message}"; }
            }
            if (written.Count == 0) problems[RepliesForm.ReplyField(commented.Count > 0 ? GibbsStages.All.First(commented.Contains) : GibbsStage.Description)] = "Write a reply to at least one comment.";
            if (problems.Count > 0)
                return new Page<Open.Model>(await open.ModelAsync(log, reader, log.AuthorId, null, null, problems, conflict: false, cancellationToken, replies: form),
                    StatusCodes.Status400BadRequest);

            var draft = await drafts.FindAsync(log.AuthorId, id, FormDraft.Replies, cancellationToken);
            var refused = await db.SaveOrRefuseAsync(() =>
            {
                foreach (var (stage, text) in written)
                {
                    db.CommentReplies.Add(new CommentReply(log, log.AuthorId, stage, text, stageHasComments: true, protector, now));
                    db.AuditEntries.Add(new AuditEntry(AuditAction.ReplyAdded, log.AuthorId, log.Id, log.AuthorId, now, stage.Heading()));
                }
                drafts.Keep(draft, log.AuthorId, id, FormDraft.Replies, new Dictionary<string, string?>(), expectedVersion: null, now);
            }, cancellationToken, duplicateKeyIsConflict: true);
            if (refused is null) return new Done($"/reflections/{id}", written.Count == 1 ? "Reply sent" : $"{written.Count} replies sent");

            var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
            return new Page<Open.Model>(await open.ModelAsync(current, reader, log.AuthorId, null,
                (refused.Message ?? "This log changed while you were replying, so nothing was sent.") + " Your text is still in the form.",
                null, conflict: false, cancellationToken, replies: form, problemField: RepliesForm.ReplyField(written[0].Stage)), refused.StatusCode);
        }
    }
}
