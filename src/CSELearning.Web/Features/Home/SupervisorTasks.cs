using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Home;

// What is waiting for a supervisor: their supervisees' logs to review, records to sign or waiting for the
// supervisee's acknowledgement, supervisees whose refresh is overdue, and supervision due by the agreed frequency.
public static class SupervisorTasks
{
    public const int SupervisionDueWithinDays = NextSession.DueWithinDays;

    public sealed record Model(int OverdueAfterDays, IReadOnlyList<LogToReview> Logs, IReadOnlyList<RecordWaiting> Records,
        IReadOnlyList<OverdueRefresh> Refreshes, IReadOnlyList<SupervisionDue> SupervisionDue)
    {
        public int Count => Logs.Count + Records.Count + Refreshes.Count + SupervisionDue.Count;
    }

    public sealed record LogToReview(Guid Id, string Title, string AuthorName, DateTime SharedAt, int DaysWaiting, bool Overdue)
    {
        public string Url => $"/reflections/{Id}";
    }

    // WaitingForYou: you have not signed it yet; otherwise it waits for the supervisee's acknowledgement.
    public sealed record RecordWaiting(Guid Id, string SuperviseeName, DateOnly SessionDate, bool WaitingForYou)
    {
        public string Url => $"/supervision/records/{Id}";
    }

    public sealed record OverdueRefresh(string SuperviseeName, string ModuleTitle, DateOnly DueOn)
    {
        public const string Url = "/supervision/caseload#learning";
    }

    public sealed record SupervisionDue(Guid SuperviseeId, string SuperviseeName, DateOnly DueOn, int FrequencyWeeks, bool Overdue)
    {
        public string Url => $"/supervision/records/new?supervisee={SuperviseeId}";
    }

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, ITextProtector protector, TimeProvider clock, IOptions<SupervisionOptions> options)
    {
        public async Task<Model> HandleAsync(Guid supervisorId, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var current = await db.SupervisionRelationships.AsNoTracking()
                .Where(SupervisionRelationship.CurrentOn(today))
                .Where(s => s.SupervisorId == supervisorId && s.Supervisee!.IsActive)
                .Select(s => new { Relationship = s, Name = s.Supervisee!.DisplayName })
                .ToListAsync(ct);
            var ids = current.Select(s => s.Relationship.SuperviseeId).Distinct().ToList();
            var names = current.GroupBy(s => s.Relationship.SuperviseeId).ToDictionary(g => g.Key, g => g.First().Name);

            var overdueAfter = options.Value.ReviewOverdueAfter;
            var logs = (await db.ReflectiveLogs.AsNoTracking()
                    .Where(l => ids.Contains(l.AuthorId) && l.Status == LogStatus.Shared)
                    .OrderBy(l => l.SharedAt)
                    .ToListAsync(ct))
                .Select(l => new LogToReview(l.Id, l.Read(protector).Title, names[l.AuthorId], l.SharedAt!.Value,
                    (int)(now - l.SharedAt.Value).TotalDays, now - l.SharedAt.Value > overdueAfter))
                .ToList();

            var records = await db.SupervisionRecords.AsNoTracking()
                .Where(r => r.SupervisorId == supervisorId && r.SuperviseeSignedAt == null)
                .OrderBy(r => r.SessionDate)
                .Join(db.Users, r => r.SuperviseeId, u => u.Id, (r, u) => new RecordWaiting(r.Id, u.DisplayName, r.SessionDate, r.SupervisorSignedAt == null))
                .ToListAsync(ct);

            var completions = await db.ModuleCompletions.AsNoTracking().Where(c => ids.Contains(c.UserId)).ToListAsync(ct);
            var refreshes = new List<OverdueRefresh>();
            foreach (var latest in completions.GroupBy(c => (c.UserId, c.ModuleId)).Select(g => g.MaxBy(c => c.CompletedAt)!))
                if (catalog.Find(latest.ModuleId) is { } module
                    && Refresh.Of(module, latest, today) is { State: RefreshState.Overdue, DueOn: { } dueOn })
                    refreshes.Add(new OverdueRefresh(names[latest.UserId], module.Title, dueOn));

            var due = (await NextSession.ForAsync(db, today, s => s.SupervisorId == supervisorId && s.Supervisee!.IsActive, ct))
                .Where(s => s.IsDueBy(today))
                .Select(s => new SupervisionDue(s.SuperviseeId, s.SuperviseeName, s.DueOn!.Value, s.FrequencyWeeks!.Value, s.DueOn < today))
                .OrderBy(s => s.DueOn)
                .ToList();

            return new Model(options.Value.ReviewOverdueAfterDays, logs, records,
                refreshes.OrderBy(r => r.DueOn).ThenBy(r => r.SuperviseeName, StringComparer.CurrentCulture).ToList(), due);
        }
    }
}
