using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Privacy;

// Set-based deletes, in the order the foreign keys need; the caller holds the transaction.
public static class PersonalRecords
{
    public static async Task<int> DeleteLogsAsync(AppDbContext db, IQueryable<Guid> authors, CancellationToken cancellationToken)
    {
        var logs = db.ReflectiveLogs.Where(l => authors.Contains(l.AuthorId)).Select(l => l.Id);
        await db.ReviewComments.Where(c => logs.Contains(c.LogId)).ExecuteDeleteAsync(cancellationToken);
        await db.CommentReplies.Where(r => logs.Contains(r.LogId) || authors.Contains(r.AuthorId)).ExecuteDeleteAsync(cancellationToken);
        // Unsent drafts go with the log, and a person's own drafts on others' logs go with them.
        await db.FormDrafts.Where(d => logs.Contains(d.LogId) || authors.Contains(d.OwnerId)).ExecuteDeleteAsync(cancellationToken);
        await db.LogShares.Where(s => logs.Contains(s.LogId)).ExecuteDeleteAsync(cancellationToken);
        await db.DiscussedLogs.Where(d => logs.Contains(d.LogId)).ExecuteDeleteAsync(cancellationToken);
        return await db.ReflectiveLogs.Where(l => authors.Contains(l.AuthorId)).ExecuteDeleteAsync(cancellationToken);
    }

    public static async Task<int> DeleteSupervisionRecordsAsync(AppDbContext db, IQueryable<Guid> supervisees, CancellationToken cancellationToken)
    {
        var records = db.SupervisionRecords.Where(r => supervisees.Contains(r.SuperviseeId)).Select(r => r.Id);
        await db.SupervisionComments.Where(c => records.Contains(c.RecordId)).ExecuteDeleteAsync(cancellationToken);
        await db.DiscussedLogs.Where(d => records.Contains(d.RecordId)).ExecuteDeleteAsync(cancellationToken);
        // Carried-forward actions point at earlier ones of the same pair, all going: unlink them first.
        await db.SupervisionActions.Where(a => records.Contains(a.RecordId) && a.CarriedFromId != null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.CarriedFromId, (Guid?)null), cancellationToken);
        await db.SupervisionActions.Where(a => records.Contains(a.RecordId)).ExecuteDeleteAsync(cancellationToken);
        return await db.SupervisionRecords.Where(r => supervisees.Contains(r.SuperviseeId)).ExecuteDeleteAsync(cancellationToken);
    }
}
