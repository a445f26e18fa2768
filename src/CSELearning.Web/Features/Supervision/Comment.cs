using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Supervision;

// Audited, never its text.
public static class Comment
{
    public sealed class Input
    {
        public string? Text { get; set; }
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisee) return new Forbidden();
            var now = access.Now;
            if (await db.SaveOrRefuseAsync(() =>
                {
                    db.SupervisionComments.Add(record.AddComment(record.SuperviseeId, input.Text ?? "", protector, now));
                    db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionCommentAdded, record.SuperviseeId, record.Id, record.SuperviseeId, now));
                }, cancellationToken) is not { } refused)
                return new Done($"/supervision/records/{id}", "Your comment has been added");

            return new Page<Open.Model>(await open.ModelAsync(record, party, new Open.Refusal(Comment: input.Text, CommentError: refused.Message), cancellationToken),
                StatusCodes.Status400BadRequest);
        }
    }
}
