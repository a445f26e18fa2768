using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

// CanSave is false when the form is shown only to give back text that could not be saved. Existing: the form edits a
// saved record, so it autosaves and can be signed from.
public sealed record Editor(string PostTo, RecordForm Form, Guid SuperviseeId, string SuperviseeName, IReadOnlyList<LogChoice> LogChoices,
    IReadOnlyDictionary<Guid, CarriedAction> Carried, IReadOnlyDictionary<string, string> Errors, bool CanSave, bool Existing = false)
{
    public const int BlankRows = 3;
}

public sealed record LogChoice(Guid Id, string Title, LogStatus Status);

public sealed record CarriedAction(string Description, DateOnly FromSession);

[FeatureService]
public sealed class RecordEditor(AppDbContext db, ITextProtector protector)
{
    public async Task<Editor> BuildAsync(string postTo, Guid superviseeId, RecordForm form, IReadOnlyDictionary<string, string>? errors,
        bool canSave, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == superviseeId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var logs = await db.ReflectiveLogs.AsNoTracking()
            .Where(l => l.AuthorId == superviseeId && l.Status != LogStatus.Draft)
            .OrderByDescending(l => l.UpdatedAt)
            .ToListAsync(cancellationToken);
        return new Editor(postTo, form, superviseeId, name,
            logs.Select(l => new LogChoice(l.Id, l.Read(protector).Title, l.Status)).ToList(),
            await CarriedAsync(form, cancellationToken), errors ?? new Dictionary<string, string>(), canSave);
    }

    // A carried row's wording is fixed; it is shown with the session where the action was last agreed.
    private async Task<IReadOnlyDictionary<Guid, CarriedAction>> CarriedAsync(RecordForm form, CancellationToken cancellationToken)
    {
        var rowIds = form.Actions.Select(r => r.Id).OfType<Guid>().ToList();
        // A saved row is carried when it names the action it came from; a new record's rows name it directly.
        var savedSources = await db.SupervisionActions.AsNoTracking()
            .Where(a => rowIds.Contains(a.Id) && a.CarriedFromId != null)
            .ToDictionaryAsync(a => a.Id, a => a.CarriedFromId!.Value, cancellationToken);
        var sourceByRow = new Dictionary<Guid, Guid>(savedSources);
        foreach (var row in form.Actions.Where(r => r.Id is null && r.CarriedFrom is not null)) sourceByRow[row.CarriedFrom!.Value] = row.CarriedFrom.Value;
        var sourceIds = sourceByRow.Values.Distinct().ToList();
        var sources = await db.SupervisionActions.AsNoTracking()
            .Where(a => sourceIds.Contains(a.Id))
            .Join(db.SupervisionRecords, a => a.RecordId, r => r.Id, (a, r) => new { a.Id, a.ProtectedDescription, r.SessionDate })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return sourceByRow.Where(p => sources.ContainsKey(p.Value))
            .ToDictionary(p => p.Key, p => new CarriedAction(protector.Unprotect(sources[p.Value].ProtectedDescription), sources[p.Value].SessionDate));
    }
}

public sealed record TextAreaField(string Name, string Label, string Hint, string? Value, int MaxLength, string? Error, int Rows, string LabelClass = "govuk-label govuk-label--m");
