using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Documents;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

// No PDF of a draft, which may still change. Every generation is audited: a copy has left the system.
public static class Download
{
    public sealed record Pdf(byte[] Bytes, string FileName);

    public sealed class Handler(AppDbContext db, RecordAccess access, Open.Handler open)
    {
        public async Task<Pdf?> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return null;
            if (record.Status == RecordStatus.Draft) return null;

            var userId = principal.UserId();
            var view = await open.ModelAsync(record, party, new Open.Refusal(), cancellationToken);
            var generatedBy = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var now = access.Now;
            var bytes = new SupervisionRecordDocument(new SupervisionRecordDocument.Model(
                record.SessionDate, record.NextSessionDate, record.Status, view.SupervisorName, view.SuperviseeName, view.Notes,
                view.DiscussedLogs.Select(l => l.Title).ToList(),
                view.Actions.Select(a => new SupervisionRecordDocument.ActionRow(a.Description,
                    a.Owner == ActionOwner.Supervisor ? view.SupervisorName : view.SuperviseeName, a.DueOn, a.Status, a.CarriedFromSession)).ToList(),
                view.Comments.Select(c => new SupervisionRecordDocument.CommentRow(c.AuthorName, c.At, c.Text)).ToList(),
                record.SupervisorSignedAt, record.SuperviseeSignedAt, generatedBy, now)).Render();

            db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordExported, userId, record.Id, record.SuperviseeId, now));
            await db.SaveChangesAsync(cancellationToken);
            return new Pdf(bytes, $"supervision-record-{record.SessionDate:yyyy-MM-dd}.pdf");
        }
    }
}
