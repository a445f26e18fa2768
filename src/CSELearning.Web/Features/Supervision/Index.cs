using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

public static class Index
{
    public sealed record Model(IReadOnlyList<Row> AboutMe, IReadOnlyList<Supervisee> Supervisees, Supervisee? Selected);

    public sealed record Supervisee(Guid Id, string Name, IReadOnlyList<Row> Records);

    public sealed record Row(Guid Id, DateOnly SessionDate, string With, RecordStatus Status, DateOnly? NextSessionDate);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, Guid? superviseeId, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var current = await db.SupervisionRelationships.AsNoTracking()
                .Where(SupervisionRelationship.CurrentOn(today))
                .Where(s => s.SupervisorId == userId)
                .Join(db.Users, s => s.SuperviseeId, u => u.Id, (s, u) => new { u.Id, u.DisplayName })
                .Distinct()
                .ToListAsync(cancellationToken);
            if (superviseeId is { } wanted && current.All(s => s.Id != wanted)) return null;
            var people = superviseeId is { } only ? current.Where(s => s.Id == only).ToList() : current;
            var peopleIds = people.Select(p => p.Id).ToList();

            var records = await db.SupervisionRecords.AsNoTracking()
                .Where(r => (superviseeId == null && r.SuperviseeId == userId) || (r.SupervisorId == userId && peopleIds.Contains(r.SuperviseeId)))
                .Select(r => new { r.Id, r.SupervisorId, r.SuperviseeId, r.SessionDate, r.NextSessionDate, r.SupervisorSignedAt, r.SuperviseeSignedAt, r.CreatedAt })
                .ToListAsync(cancellationToken);
            var supervisorIds = records.Where(r => r.SuperviseeId == userId).Select(r => r.SupervisorId).Distinct().ToList();
            var supervisorNames = await db.Users.AsNoTracking().Where(u => supervisorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

            static RecordStatus StatusOf(DateTime? supervisor, DateTime? supervisee) =>
                supervisee is not null ? RecordStatus.Locked : supervisor is not null ? RecordStatus.AwaitingAcknowledgement : RecordStatus.Draft;
            var ordered = records.OrderByDescending(r => r.SessionDate).ThenByDescending(r => r.CreatedAt).ToList();
            var aboutMe = ordered.Where(r => r.SuperviseeId == userId)
                .Select(r => new Row(r.Id, r.SessionDate, supervisorNames[r.SupervisorId], StatusOf(r.SupervisorSignedAt, r.SuperviseeSignedAt), r.NextSessionDate))
                .ToList();
            var supervisees = people.OrderBy(p => p.DisplayName)
                .Select(p => new Supervisee(p.Id, p.DisplayName, ordered.Where(r => r.SupervisorId == userId && r.SuperviseeId == p.Id)
                    .Select(r => new Row(r.Id, r.SessionDate, p.DisplayName, StatusOf(r.SupervisorSignedAt, r.SuperviseeSignedAt), r.NextSessionDate))
                    .ToList()))
                .ToList();
            return new Model(aboutMe, supervisees, superviseeId is null ? null : supervisees.Single());
        }
    }
}
