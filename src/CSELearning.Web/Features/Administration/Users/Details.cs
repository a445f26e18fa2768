using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Users;

// A person's profile, roles and supervision, past and present, with what an administrator can do about them.
public static class Details
{
    public sealed record Model(
        Guid Id, string Name, string Email, string JobRole, Guid? PartnershipId, string? Partnership, string? Agency, string? Team,
        bool IsActive, DateTime CreatedAt, DateTime? DeactivatedAt, IReadOnlyList<string> Roles,
        IReadOnlyList<Supervision> Supervisors, IReadOnlyList<Supervision> Supervisees, DateOnly Today, bool IsSelf,
        IReadOnlyList<(string Status, int Count)> LogCounts, int SupervisionRecords, IReadOnlyList<CertificateRow> Certificates, DateTime? ErasedAt = null)
    {
        public bool IsErased => ErasedAt is not null;
    }

    public sealed record CertificateRow(Guid Id, string Number, string ModuleTitle, string ModuleVersion, DateOnly CompletedOn, Domain.Certificates.CertificateStatus Status);

    // One supervision relationship, seen from one side: the other person and the dates.
    public sealed record Supervision(Guid Id, Guid OtherId, string OtherName, bool OtherActive, DateOnly StartsOn, DateOnly? EndsOn, DateOnly Today)
    {
        public bool HasEnded => EndsOn is { } end && end < Today;
        public bool HasStarted => StartsOn <= Today;
        public string State => HasEnded ? "Ended" : HasStarted ? "Current" : "Starts later";
    }

    private static string StatusText(LogStatus status) => status switch
    {
        LogStatus.Draft => "Drafts",
        LogStatus.Shared => "Awaiting review",
        LogStatus.RevisionRequested => "Revision requested",
        _ => "Signed off",
    };

    public sealed class Handler(AppDbContext db, UserManager<User> users, TimeProvider time)
    {
        public async Task<Model?> HandleAsync(Guid id, ClaimsPrincipal administrator, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var person = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email, u.JobRole,
                    PartnershipId = (Guid?)u.Agency!.PartnershipId, Partnership = u.Agency!.Partnership!.Name,
                    Agency = u.Agency!.Name, Team = u.Team!.Name, u.IsActive, u.CreatedAt, u.DeactivatedAt, u.ErasedAt,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (person is null) return null;

            var roles = await db.UserRoles.Where(ur => ur.UserId == id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .ToListAsync(cancellationToken);
            var supervisors = await db.SupervisionRelationships.AsNoTracking()
                .Where(s => s.SuperviseeId == id)
                .OrderByDescending(s => s.StartsOn)
                .Select(s => new Supervision(s.Id, s.SupervisorId, s.Supervisor!.DisplayName, s.Supervisor.IsActive, s.StartsOn, s.EndsOn, today))
                .ToListAsync(cancellationToken);
            var supervisees = await db.SupervisionRelationships.AsNoTracking()
                .Where(s => s.SupervisorId == id)
                .OrderByDescending(s => s.StartsOn)
                .Select(s => new Supervision(s.Id, s.SuperviseeId, s.Supervisee!.DisplayName, s.Supervisee.IsActive, s.StartsOn, s.EndsOn, today))
                .ToListAsync(cancellationToken);

            // Counts and statuses only: an administrator never reads what anyone wrote.
            var logCounts = await db.ReflectiveLogs.AsNoTracking().Where(l => l.AuthorId == id)
                .GroupBy(l => l.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var records = await db.SupervisionRecords.AsNoTracking().CountAsync(r => r.SupervisorId == id || r.SuperviseeId == id, cancellationToken);

            var certificates = (await db.Certificates.AsNoTracking().Where(c => c.UserId == id)
                    .OrderByDescending(c => c.IssuedAt)
                    .Select(c => new { c.Id, c.Number, c.ModuleTitle, c.ModuleVersion, c.CompletedOn, c.ValidUntil, c.RevokedAt })
                    .ToListAsync(cancellationToken))
                .Select(c => new CertificateRow(c.Id, c.Number, c.ModuleTitle, c.ModuleVersion, c.CompletedOn,
                    Domain.Certificates.Certificate.StatusOf(c.RevokedAt, c.ValidUntil, today)))
                .ToList();

            return new Model(person.Id, person.DisplayName, person.Email!, person.JobRole.DisplayName(), person.PartnershipId,
                person.Partnership, person.Agency, person.Team, person.IsActive, person.CreatedAt, person.DeactivatedAt,
                Roles.All.Where(roles.Contains).ToList(), supervisors, supervisees, today,
                IsSelf: users.GetUserId(administrator) == person.Id.ToString(),
                Enum.GetValues<LogStatus>().Select(s => (StatusText(s), logCounts.FirstOrDefault(c => c.Status == s)?.Count ?? 0)).ToList(),
                records, certificates, person.ErasedAt);
        }
    }
}
