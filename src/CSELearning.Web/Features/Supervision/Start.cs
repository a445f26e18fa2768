using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

/// <summary>
/// A supervisor records a session with a current supervisee. The form starts with every action still open
/// on their earlier records together, carried forward; saving it makes the draft.
/// </summary>
public static class Start
{
    public abstract record Result;
    public sealed record NotFound : Result;
    /// <summary>An earlier record is still a draft: it has to be finished first.</summary>
    public sealed record Blocked(Guid DraftId, string Message) : Result;
    public sealed record Show(Editor Editor, string? Problem = null, int StatusCode = StatusCodes.Status200OK) : Result;
    public sealed record Created(Guid Id) : Result;

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, RecordEditor editor)
    {
        public async Task<Result> ShowAsync(ClaimsPrincipal principal, Guid? superviseeId, CancellationToken cancellationToken)
        {
            if (await PairAsync(principal, superviseeId, cancellationToken) is not var (_, superviseeIdValue, earlier)) return new NotFound();
            if (earlier.FirstOrDefault(r => r.Status == RecordStatus.Draft) is { } draft)
                return new Blocked(draft.Id, "Finish and sign this record before you start the next, so its open actions carry forward as they stand.");
            var today = DateOnly.FromDateTime(access.Now);
            var form = RecordForm.Blank(today, SupervisionRecord.Outstanding(earlier));
            return new Show(await editor.BuildAsync(PostTo(superviseeIdValue), superviseeIdValue, form, null, canSave: true, cancellationToken));
        }

        public async Task<Result> CreateAsync(ClaimsPrincipal principal, Guid? superviseeId, RecordForm form, CancellationToken cancellationToken)
        {
            if (await PairAsync(principal, superviseeId, cancellationToken) is not var (supervisorId, superviseeIdValue, earlier)) return new NotFound();
            if (earlier.FirstOrDefault(r => r.Status == RecordStatus.Draft) is { } draft)
                return new Blocked(draft.Id, "You already have a draft record with this supervisee: finish and sign it before you start the next.");

            var (details, errors) = form.ToDetails();
            var logProblem = await DiscussedLogChoices.ProblemAsync(db, superviseeIdValue, form.Logs, cancellationToken);
            if (details is null || logProblem is not null)
            {
                var all = new Dictionary<string, string>(errors);
                if (logProblem is not null) all[nameof(RecordForm.Logs)] = logProblem;
                return new Show(await editor.BuildAsync(PostTo(superviseeIdValue), superviseeIdValue, form, all, canSave: true, cancellationToken),
                    StatusCode: StatusCodes.Status400BadRequest);
            }
            try
            {
                var record = SupervisionRecord.Start(supervisorId, superviseeIdValue, earlier, details, protector, access.Now);
                db.SupervisionRecords.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                return new Created(record.Id);
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                return new Show(await editor.BuildAsync(PostTo(superviseeIdValue), superviseeIdValue, form, null, canSave: true, cancellationToken),
                    ex.Message, StatusCodes.Status400BadRequest);
            }
        }

        /// <summary>The supervisor, their current supervisee, and the pair's earlier records with their actions.</summary>
        private async Task<(Guid SupervisorId, Guid SuperviseeId, List<SupervisionRecord> Earlier)?> PairAsync(ClaimsPrincipal principal, Guid? superviseeId,
            CancellationToken cancellationToken)
        {
            var supervisorId = principal.UserId();
            if (superviseeId is not { } supervisee || !await access.SupervisesAsync(supervisorId, supervisee, cancellationToken)) return null;
            var earlier = await db.SupervisionRecords
                .Where(r => r.SupervisorId == supervisorId && r.SuperviseeId == supervisee)
                .Include(r => r.Actions)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            return (supervisorId, supervisee, earlier);
        }

        private static string PostTo(Guid superviseeId) => $"/supervision/records/new?supervisee={superviseeId}";
    }
}
