using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

// A person's unsent text in a log's review forms (FormDraft), read back into the form and kept as they write.
[FeatureService]
public sealed class ReviewDrafts(AppDbContext db, ITextProtector protector)
{
    public Task<FormDraft?> FindAsync(Guid ownerId, Guid logId, string form, CancellationToken cancellationToken) =>
        db.FormDrafts.SingleOrDefaultAsync(d => d.OwnerId == ownerId && d.LogId == logId && d.Form == form, cancellationToken);

    public async Task<(IReadOnlyDictionary<string, string> Fields, int Version)> ReadAsync(Guid ownerId, Guid logId, string form, CancellationToken cancellationToken)
    {
        var draft = await db.FormDrafts.AsNoTracking()
            .SingleOrDefaultAsync(d => d.OwnerId == ownerId && d.LogId == logId && d.Form == form, cancellationToken);
        return draft is null ? (new Dictionary<string, string>(), 0) : (draft.Read(protector), draft.Version);
    }

    // Inside a save: the fields become the draft. With no expected version (a post that sends the text itself) the
    // draft is replaced whatever its version; an autosave names the version it was made from.
    public void Keep(FormDraft? draft, Guid ownerId, Guid logId, string form, IReadOnlyDictionary<string, string?> fields, int? expectedVersion, DateTime now)
    {
        if (draft is null)
        {
            if (expectedVersion is null && fields.Values.All(string.IsNullOrWhiteSpace)) return;
            draft = new FormDraft(ownerId, logId, form, now);
            db.FormDrafts.Add(draft);
        }
        draft.Write(fields, expectedVersion ?? draft.Version, protector, now);
    }
}
