using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

/// <summary>The supervisee's comment on a record of their supervision, until it is locked; audited, never its text.</summary>
public static class Comment
{
    public sealed class Input
    {
        public string? Text { get; set; }
    }

    public abstract record Result;
    public sealed record NotFound : Result;
    /// <summary>The supervisor writes the record itself; comments are the supervisee's.</summary>
    public sealed record Forbidden : Result;
    public sealed record Added : Result;
    public sealed record Refused(Open.Model Model) : Result;

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisee) return new Forbidden();
            var now = access.Now;
            try
            {
                db.SupervisionComments.Add(record.AddComment(record.SuperviseeId, input.Text ?? "", protector, now));
                db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionCommentAdded, record.SuperviseeId, record.Id, record.SuperviseeId, now));
                await db.SaveChangesAsync(cancellationToken);
                return new Added();
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                return new Refused(await open.ModelAsync(record, party, new Open.Refusal(Comment: input.Text, CommentError: ex.Message), cancellationToken));
            }
        }
    }
}
