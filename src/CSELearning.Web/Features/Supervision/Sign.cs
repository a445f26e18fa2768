using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

/// <summary>
/// A signature, by whichever party signs: the supervisor first, which fixes what the record says; then the
/// supervisee, acknowledging it, which locks it. Each is audited.
/// </summary>
public static class Sign
{
    public sealed class Input
    {
        public int Version { get; set; }
    }

    public abstract record Result;
    public sealed record NotFound : Result;
    public sealed record Done(string Message) : Result;
    public sealed record Refused(Open.Model Model, int StatusCode) : Result;

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            var now = access.Now;
            try
            {
                string message;
                if (party == Party.Supervisor)
                {
                    record.SignAsSupervisor(record.SupervisorId, input.Version, protector, now);
                    db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordSigned, record.SupervisorId, record.Id, record.SuperviseeId, now));
                    message = "Record signed: your supervisee can now acknowledge it";
                }
                else
                {
                    record.Acknowledge(record.SuperviseeId, input.Version, now);
                    db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordAcknowledged, record.SuperviseeId, record.Id, record.SuperviseeId, now));
                    message = "Record acknowledged: it is now signed by you both and locked";
                }
                await db.SaveChangesAsync(cancellationToken);
                return new Done(message);
            }
            catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
            {
                var conflict = ex is RecordConflictException or DbUpdateConcurrencyException;
                db.ChangeTracker.Clear();
                var current = await access.OpenAsync(principal, id, cancellationToken);
                if (current is null) return new NotFound();
                var message = ex is DomainException domain ? domain.Message : "This record changed while you were signing it, so it was not signed.";
                return new Refused(await open.ModelAsync(current.Value.Record, party, new Open.Refusal(message, conflict), cancellationToken),
                    conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
            }
        }
    }
}
