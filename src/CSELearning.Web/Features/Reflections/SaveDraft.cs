using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Reflections;

// Autosave of the review forms: the supervisor's comments and revision request, the author's replies, kept as the
// person's own draft (see FormDraft). Only the person who may send a form keeps a draft of it.
public static class SaveDraft
{
    public sealed record Saved(int Version, DateTime At) : HandlerResult;

    public sealed record Refused(string Message, int StatusCode) : HandlerResult;

    public sealed class Handler(AppDbContext db, ReflectionAccess access, ReviewDrafts drafts)
    {
        public Task<HandlerResult> ReviewAsync(ClaimsPrincipal principal, Guid id, ReviewForm form, CancellationToken cancellationToken) =>
            KeepAsync(principal, id, Reader.Supervisor, FormDraft.Review, form.Normalised().DraftVersion, form.DraftFields(comments: true, revision: true), cancellationToken);

        public Task<HandlerResult> RepliesAsync(ClaimsPrincipal principal, Guid id, RepliesForm form, CancellationToken cancellationToken) =>
            KeepAsync(principal, id, Reader.Author, FormDraft.Replies, form.DraftVersion, form.DraftFields(), cancellationToken);

        private async Task<HandlerResult> KeepAsync(ClaimsPrincipal principal, Guid id, Reader who, string kind, int version,
            IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (_, reader)) return new NotFound();
            if (reader != who) return new Forbidden();
            var ownerId = principal.UserId();
            var draft = await drafts.FindAsync(ownerId, id, kind, cancellationToken);
            var now = access.Now;
            FormDraft? kept = draft;
            var refused = await db.SaveOrRefuseAsync(() =>
            {
                drafts.Keep(draft, ownerId, id, kind, fields, version, now);
                kept = db.ChangeTracker.Entries<FormDraft>().Select(e => e.Entity).Single(d => d.OwnerId == ownerId && d.LogId == id && d.Form == kind);
            }, cancellationToken, duplicateKeyIsConflict: true);
            if (refused is null) return new Saved(kept!.Version, kept.UpdatedAt);
            return new Refused(refused.Message ?? "You have changed this form in another tab or window since you opened it, so these drafts were not saved.", refused.StatusCode);
        }
    }
}
