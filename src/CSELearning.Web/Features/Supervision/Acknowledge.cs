using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Supervision;

// Acknowledging is the supervisee's signature and locks the record for good, so it takes two steps, as the
// supervisor's signing does: "Acknowledge this record" shows what will be locked, and only "Yes, acknowledge this
// record" there acknowledges. The button belongs to the comment form, so a comment typed and not yet added comes
// with it. That comment is refused rather than added: an added comment goes to the supervisor and cannot be
// taken back, so it is added only when its author presses "Add comment", and acknowledging would shut it out.
public static class Acknowledge
{
    public sealed record Model(Guid Id, int Version, string SupervisorName, DateOnly SessionDate, DateTime SignedAt, int ActionCount, int LogCount,
        int CommentCount, IReadOnlyList<string> WrittenSections);

    public sealed class Input
    {
        public int Version { get; set; }
    }

    public const string UnaddedComment = "Your comment has not been added. Add it, or clear it, before you acknowledge the record: nothing was acknowledged.";

    public sealed class Handler(AppDbContext db, RecordAccess access, Open.Handler open)
    {
        // From the record page: the comment form's text, if any, with the acknowledgement button that submitted it.
        public async Task<HandlerResult> PressAsync(ClaimsPrincipal principal, Guid id, Comment.Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisee) return new Forbidden();
            if (string.IsNullOrWhiteSpace(input.Text)) return new Done(ConfirmUrl(id));
            return new Page<Open.Model>(await open.ModelAsync(record, party, new Open.Refusal(Comment: input.Text, CommentError: UnaddedComment), cancellationToken),
                StatusCodes.Status400BadRequest);
        }

        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisee) return new Forbidden();
            // A draft is not the supervisee's to acknowledge yet, and a locked record is done: the record page says which.
            if (record.Status != RecordStatus.AwaitingAcknowledgement) return new Done($"/supervision/records/{id}");
            var view = await open.ModelAsync(record, party, new Open.Refusal(), cancellationToken);
            var written = new[] { SessionField.Attendees, SessionField.Agenda, SessionField.Discussion, SessionField.Wellbeing, SessionField.Decisions }
                .Where(f => !string.IsNullOrWhiteSpace(view.Notes[f])).Select(f => f.Heading()).ToList();
            return new Page<Model>(new Model(id, record.Version, view.SupervisorName, record.SessionDate, record.SupervisorSignedAt!.Value,
                record.Actions.Count, record.DiscussedLogs.Count, view.Comments.Count, written));
        }

        public async Task<HandlerResult> ConfirmAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisee) return new Forbidden();
            var now = access.Now;
            var refused = await db.SaveOrRefuseAsync(() =>
            {
                record.Acknowledge(record.SuperviseeId, input.Version, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordAcknowledged, record.SuperviseeId, record.Id, record.SuperviseeId, now));
            }, cancellationToken);
            if (refused is null) return new Done($"/supervision/records/{id}", "Record acknowledged: it is now signed by you both and locked");

            var current = await access.OpenAsync(principal, id, cancellationToken);
            if (current is null) return new NotFound();
            return new Page<Open.Model>(await open.ModelAsync(current.Value.Record, party,
                new Open.Refusal(refused.Message ?? "This record changed while you were acknowledging it, so it was not acknowledged.", refused.Conflict), cancellationToken),
                refused.StatusCode);
        }
    }

    public static string ConfirmUrl(Guid id) => $"/supervision/records/{id}/acknowledge";
}
