using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Users;

// Ends every session a person has open, at once (a lost device, a shared password), without closing the account.
public static class SignOutEverywhere
{
    public sealed class Handler(AppDbContext db, SessionRecords sessions, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid id, ClaimsPrincipal administrator, CancellationToken cancellationToken)
        {
            if (!await db.Users.AnyAsync(u => u.Id == id && u.ErasedAt == null, cancellationToken)) return Outcome.NotFound();
            var now = time.GetUtcNow().UtcDateTime;
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var ended = await sessions.EndAllAsync(id, ct);
                db.AuditEntries.Add(new AuditEntry(AuditAction.SessionsEnded, administrator.UserId(), id, id, now, $"{ended} session(s)"));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
            return Outcome.Saved(id);
        }
    }
}
