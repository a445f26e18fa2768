using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

public static class Start
{
    public sealed record Model(Editor Editor, string? Problem = null);

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, RecordEditor editor)
    {
        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, Guid? superviseeId, CancellationToken cancellationToken)
        {
            if (await PairAsync(principal, superviseeId, cancellationToken) is not var (_, superviseeIdValue, earlier)) return new NotFound();
            if (earlier.FirstOrDefault(r => r.Status == RecordStatus.Draft) is { } draft)
                return new NotYet($"/supervision/records/{draft.Id}", "Finish and sign this record before you start the next, so its open actions carry forward as they stand.");
            var today = DateOnly.FromDateTime(access.Now);
            var form = RecordForm.Blank(today, SupervisionRecord.Outstanding(earlier));
            return new Page<Model>(new Model(await editor.BuildAsync(PostTo(superviseeIdValue), superviseeIdValue, form, null, canSave: true, cancellationToken)));
        }

        public async Task<HandlerResult> CreateAsync(ClaimsPrincipal principal, Guid? superviseeId, RecordForm form, CancellationToken cancellationToken)
        {
            if (await PairAsync(principal, superviseeId, cancellationToken) is not var (supervisorId, superviseeIdValue, earlier)) return new NotFound();
            if (earlier.FirstOrDefault(r => r.Status == RecordStatus.Draft) is { } draft)
                return new NotYet($"/supervision/records/{draft.Id}", "You already have a draft record with this supervisee: finish and sign it before you start the next.");

            var (details, errors) = form.ToDetails();
            var logProblem = await DiscussedLogChoices.ProblemAsync(db, superviseeIdValue, form.Logs, cancellationToken);
            if (details is null || logProblem is not null)
            {
                var all = new Dictionary<string, string>(errors);
                if (logProblem is not null) all[nameof(RecordForm.Logs)] = logProblem;
                return new Page<Model>(new Model(await editor.BuildAsync(PostTo(superviseeIdValue), superviseeIdValue, form, all, canSave: true, cancellationToken)),
                    StatusCodes.Status400BadRequest);
            }
            SupervisionRecord? record = null;
            if (await db.SaveOrRefuseAsync(() => db.SupervisionRecords.Add(record = SupervisionRecord.Start(supervisorId, superviseeIdValue, earlier, details, protector, access.Now)),
                cancellationToken) is { } refused)
                return new Page<Model>(new Model(await editor.BuildAsync(PostTo(superviseeIdValue), superviseeIdValue, form, null, canSave: true, cancellationToken), refused.Message),
                    StatusCodes.Status400BadRequest);
            return new Done($"/supervision/records/{record!.Id}", "The record has been saved as a draft");
        }

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
