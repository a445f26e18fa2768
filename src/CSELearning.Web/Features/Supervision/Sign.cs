using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Supervision;

public static class Sign
{
    public sealed class Input
    {
        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            var now = access.Now;
            var refused = await db.SaveOrRefuseAsync(() =>
            {
                if (party == Party.Supervisor)
                {
                    record.SignAsSupervisor(record.SupervisorId, input.Version, protector, now);
                    db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordSigned, record.SupervisorId, record.Id, record.SuperviseeId, now));
                    db.Notifications.Add(Notifications.SignatureWaitingNotice.For(record, now));
                }
                else
                {
                    record.Acknowledge(record.SuperviseeId, input.Version, now);
                    db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordAcknowledged, record.SuperviseeId, record.Id, record.SuperviseeId, now));
                }
            }, cancellationToken);
            if (refused is null)
                return new Done($"/supervision/records/{id}", party == Party.Supervisor
                    ? "Record signed: your supervisee can now acknowledge it"
                    : "Record acknowledged: it is now signed by you both and locked");

            var current = await access.OpenAsync(principal, id, cancellationToken);
            if (current is null) return new NotFound();
            return new Page<Open.Model>(await open.ModelAsync(current.Value.Record, party,
                new Open.Refusal(refused.Message ?? "This record changed while you were signing it, so it was not signed.", refused.Conflict), cancellationToken),
                refused.StatusCode);
        }
    }
}
