using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Modules;
using CSELearning.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Home;

// What is waiting for a learner: where they left off, refreshes, logs returned to them, records to read and
// acknowledge, and when they next meet their supervisor. Every item is the learner's own.
public static class LearnerTasks
{
    public sealed record Model(IReadOnlyList<Continue> Continue, IReadOnlyList<RefreshItem> Refreshes, IReadOnlyList<ReturnedLog> ReturnedLogs,
        IReadOnlyList<RecordToAcknowledge> Records, IReadOnlyList<NextSupervision> NextSupervision)
    {
        public int Count => Refreshes.Count + ReturnedLogs.Count + Records.Count;
    }

    // Section: the section the learner was last on (its number of SectionCount), or the first when they have not opened one yet.
    public sealed record Continue(string ModuleTitle, string SectionTitle, int SectionNumber, int SectionCount, string Url, DateTime LastActivityAt)
    {
        // Sections before the one they are on count as done; the bar never shows a module as finished.
        public int PercentDone => SectionCount == 0 ? 0 : (SectionNumber - 1) * 100 / SectionCount;
    }

    public sealed record RefreshItem(string ModuleTitle, RefreshState State, DateOnly? DueOn, string Url);

    public sealed record ReturnedLog(Guid Id, string Title, DateTime ReturnedAt)
    {
        public string Url => $"/reflections/{Id}";
    }

    public sealed record RecordToAcknowledge(Guid Id, DateOnly SessionDate, string SupervisorName)
    {
        public string Url => $"/supervision/records/{Id}";
    }

    // Planned: the date the last record set for the next session; otherwise the date due by the agreed frequency.
    public sealed record NextSupervision(string SupervisorName, DateOnly On, bool Planned);

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, LearnerRecords records, ITextProtector protector, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(Guid userId, CancellationToken ct)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var (statuses, _) = await records.StatusesAsync(userId, catalog.Modules, ct);

            var continuing = new List<Continue>();
            var refreshes = new List<RefreshItem>();
            foreach (var module in catalog.Modules)
            {
                var status = statuses[module.Id];
                if (status.Active is { } active)
                {
                    var section = active.LastSectionId is { } last ? module.FindSection(last) : null;
                    section ??= module.Sections.Count > 0 ? module.Sections[0] : null;
                    continuing.Add(new Continue(module.Title, section?.Title ?? "Finish the module",
                        section is null ? module.Sections.Count : ModuleSections.Number(module, section), module.Sections.Count,
                        ModuleSections.ContinueUrl(module, active), active.LastActivityAt));
                }
                if (Refresh.Of(module, status.LatestCompletion, today) is { } refresh)
                    refreshes.Add(new RefreshItem(module.Title, refresh.State, refresh.DueOn,
                        status.Active is { } refresher ? ModuleSections.ContinueUrl(module, refresher) : ModuleSections.StartUrl(module)));
            }

            var returned = (await db.ReflectiveLogs.AsNoTracking()
                    .Where(l => l.AuthorId == userId && l.Status == LogStatus.RevisionRequested)
                    .OrderBy(l => l.RevisionRequestedAt)
                    .ToListAsync(ct))
                .Select(l => new ReturnedLog(l.Id, l.Read(protector).Title, l.RevisionRequestedAt!.Value))
                .ToList();

            var toAcknowledge = await db.SupervisionRecords.AsNoTracking()
                .Where(r => r.SuperviseeId == userId && r.SupervisorSignedAt != null && r.SuperviseeSignedAt == null)
                .OrderBy(r => r.SessionDate)
                .Join(db.Users, r => r.SupervisorId, u => u.Id, (r, u) => new RecordToAcknowledge(r.Id, r.SessionDate, u.DisplayName))
                .ToListAsync(ct);

            return new Model(
                continuing.OrderByDescending(c => c.LastActivityAt).ToList(),
                refreshes.OrderBy(r => r.State == RefreshState.Overdue ? 0 : r.State == RefreshState.Due ? 1 : 2).ThenBy(r => r.DueOn).ToList(),
                returned,
                toAcknowledge,
                await NextSupervisionAsync(userId, today, ct));
        }

        // One line per current supervisor: the next session the last record planned, if it is still ahead,
        // otherwise the date the agreed frequency makes it due.
        private async Task<IReadOnlyList<NextSupervision>> NextSupervisionAsync(Guid userId, DateOnly today, CancellationToken ct)
        {
            var next = new List<NextSupervision>();
            foreach (var session in await NextSession.ForAsync(db, today, s => s.SuperviseeId == userId, ct))
            {
                if (session.PlannedOn is { } planned && planned >= today)
                    next.Add(new NextSupervision(session.SupervisorName, planned, Planned: true));
                else if (session.DueOn is { } due)
                    next.Add(new NextSupervision(session.SupervisorName, due, Planned: false));
            }
            return next.OrderBy(n => n.On).ToList();
        }
    }
}
