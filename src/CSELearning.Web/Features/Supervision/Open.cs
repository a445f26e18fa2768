using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

public static class Open
{
    public sealed record Model(SupervisionRecord Record, Party Party, string SupervisorName, string SuperviseeName, SessionNotes Notes,
        IReadOnlyList<ActionView> Actions, IReadOnlyList<LogView> DiscussedLogs, IReadOnlyList<CommentView> Comments,
        Editor? Editor, string? Problem, bool Conflict, string? Comment, string? CommentError)
    {
        public bool Editable => Party == Party.Supervisor && Record.Status == RecordStatus.Draft;
    }

    public sealed record ActionView(string Description, ActionOwner Owner, DateOnly? DueOn, ActionStatus Status, DateOnly? CarriedFromSession);

    public sealed record LogView(Guid Id, string Title, LogStatus Status);

    public sealed record CommentView(string AuthorName, DateTime At, string Text);

    public sealed record Refusal(string? Problem = null, bool Conflict = false, RecordForm? Form = null,
        IReadOnlyDictionary<string, string>? Errors = null, string? Comment = null, string? CommentError = null);

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, RecordEditor editor)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return null;
            if (party == Party.Supervisee)
            {
                // The supervisor wrote the record: a read by anyone else, the supervisee included, is audited.
                db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordRead, record.SuperviseeId, record.Id, record.SuperviseeId, access.Now));
                await db.SaveChangesAsync(cancellationToken);
            }
            return await ModelAsync(record, party, new Refusal(), cancellationToken);
        }

        public async Task<Model> ModelAsync(SupervisionRecord record, Party party, Refusal refusal, CancellationToken cancellationToken)
        {
            var names = await db.Users.AsNoTracking().Where(u => u.Id == record.SupervisorId || u.Id == record.SuperviseeId)
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var notes = record.Read(protector);

            var sourceIds = record.Actions.Select(a => a.CarriedFromId).OfType<Guid>().ToList();
            var carriedFrom = await db.SupervisionActions.AsNoTracking().Where(a => sourceIds.Contains(a.Id))
                .Join(db.SupervisionRecords, a => a.RecordId, r => r.Id, (a, r) => new { a.Id, r.SessionDate })
                .ToDictionaryAsync(a => a.Id, a => a.SessionDate, cancellationToken);
            var actions = record.Actions.OrderBy(a => a.Position)
                .Select(a => new ActionView(a.Description(protector), a.Owner, a.DueOn, a.Status,
                    a.CarriedFromId is { } from && carriedFrom.TryGetValue(from, out var session) ? session : null))
                .ToList();

            var logIds = record.DiscussedLogs.Select(d => d.LogId).ToList();
            var logs = await db.ReflectiveLogs.AsNoTracking().Where(l => logIds.Contains(l.Id)).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);

            var comments = await db.SupervisionComments.AsNoTracking().Where(c => c.RecordId == record.Id).OrderBy(c => c.CreatedAt)
                .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { Comment = c, u.DisplayName })
                .ToListAsync(cancellationToken);

            Editor? form = null;
            var editable = party == Party.Supervisor && record.Status == RecordStatus.Draft;
            // After a refused save the supervisor's text comes back even if the record has since been signed.
            if (editable || (party == Party.Supervisor && refusal.Form is not null))
                form = await editor.BuildAsync($"/supervision/records/{record.Id}", record.SuperviseeId,
                    refusal.Form ?? RecordForm.From(record, notes, protector), refusal.Errors, editable, cancellationToken) with { Existing = true };

            return new Model(record, party, names[record.SupervisorId], names[record.SuperviseeId], notes, actions,
                logs.Select(l => new LogView(l.Id, l.Read(protector).Title, l.Status)).ToList(),
                comments.Select(c => new CommentView(c.DisplayName, c.Comment.CreatedAt, c.Comment.Read(protector))).ToList(),
                form, refusal.Problem, refusal.Conflict, refusal.Comment, refusal.CommentError);
        }
    }
}
