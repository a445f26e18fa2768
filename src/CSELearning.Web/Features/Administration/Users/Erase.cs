using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Features.Privacy;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Users;

// UK GDPR article 17. What they completed stays, on the anonymous account with its agency, team and job role, so
// reports keep their figures; the audit trail records the erased account by id, never the name.
public static class Erase
{
    public const string OwnAccountMessage = "You cannot erase your own account. Ask another administrator.";
    public const string NameMismatchMessage = "Type the person's full name exactly as it is shown, to confirm";

    public sealed record Model(Guid Id, string Name, int Logs, int SupervisionRecords, int Certificates, bool IsSelf);

    public sealed class Input
    {
        public string? ConfirmName { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<User> users, SessionRecords sessions, TimeProvider time)
    {
        public async Task<Model?> FormAsync(Guid id, ClaimsPrincipal administrator, CancellationToken cancellationToken)
        {
            var person = await db.Users.AsNoTracking().Where(u => u.Id == id && u.ErasedAt == null)
                .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
            if (person is null) return null;
            return new Model(person.Id, person.DisplayName,
                await db.ReflectiveLogs.CountAsync(l => l.AuthorId == id, cancellationToken),
                await db.SupervisionRecords.CountAsync(r => r.SuperviseeId == id, cancellationToken),
                await db.Certificates.CountAsync(c => c.UserId == id, cancellationToken),
                users.GetUserId(administrator) == person.Id.ToString());
        }

        public async Task<Outcome> HandleAsync(Guid id, Input input, ClaimsPrincipal administrator, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null || user.IsErased) return Outcome.NotFound();
            var adminId = Guid.Parse(users.GetUserId(administrator)!);
            if (adminId == user.Id) return Outcome.Refused(nameof(Input.ConfirmName), OwnAccountMessage);
            if (!string.Equals((input.ConfirmName ?? "").Trim(), user.DisplayName, StringComparison.OrdinalIgnoreCase))
                return Outcome.Refused(nameof(Input.ConfirmName), NameMismatchMessage);

            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            // Retried as a whole on PostgreSQL's transient failures: its execution strategy retries a unit, not a hand-made transaction.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var person = db.Users.Where(u => u.Id == id).Select(u => u.Id);
                await PersonalRecords.DeleteLogsAsync(db, person, ct);
                await PersonalRecords.DeleteSupervisionRecordsAsync(db, person, ct);
                await db.KeptDrafts.Where(d => d.UserId == id).ExecuteDeleteAsync(ct);
                await db.Notifications.Where(n => n.UserId == id).ExecuteDeleteAsync(ct);
                // Others' reminders of supervision due with this person carry their name: the name is what goes.
                var item = id.ToString("D");
                await db.Notifications.Where(n => n.Kind == Domain.Notifications.NotificationKind.SupervisionDue && n.ItemId == item).ExecuteDeleteAsync(ct);
                await db.NotificationOptOuts.Where(o => o.UserId == id).ExecuteDeleteAsync(ct);
                // Sent ones too: a sent email keeps the address it went to. Nothing else is sent to an erased account.
                await db.OutboxMessages.Where(m => m.UserId == id).ExecuteDeleteAsync(ct);

                foreach (var certificate in await db.Certificates.Where(c => c.UserId == id).ToListAsync(ct))
                    certificate.EraseLearner(adminId, now);

                // Supervision still going on ends today; any not yet started is dropped.
                var relationships = await db.SupervisionRelationships
                    .Where(s => (s.SupervisorId == id || s.SuperviseeId == id) && (s.EndsOn == null || s.EndsOn > today))
                    .ToListAsync(ct);
                foreach (var relationship in relationships)
                {
                    if (relationship.StartsOn > today) db.SupervisionRelationships.Remove(relationship);
                    else relationship.End(today);
                }

                var erased = await db.Users.SingleAsync(u => u.Id == id, ct);
                erased.Erase(now);
                erased.NormalizedEmail = users.NormalizeEmail(erased.Email);
                erased.NormalizedUserName = users.NormalizeName(erased.UserName);
                // Their open sessions end now, and a new stamp fails any session's next check against the account.
                erased.SecurityStamp = Guid.NewGuid().ToString("N");
                await sessions.EndAllAsync(id, ct);
                db.AuditEntries.Add(new AuditEntry(AuditAction.AccountErased, adminId, id, id, now));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
            return Outcome.Saved(user.Id);
        }
    }
}
