using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Supervision;

public static class Save
{
    // ActionIds: for each action row the form sent, in order, the id of the action it now is (null for a blank
    // row, or one the save removed), so that an autosaved form can name new actions from then on.
    public sealed record Saved(string Url, int Version, DateTime At, IReadOnlyList<Guid?> ActionIds) : Done(Url, "The record has been saved");

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, RecordForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisor) return new Forbidden();

            var rows = form.Actions.ToList();
            var (details, errors) = form.ToDetails();
            var logProblem = await DiscussedLogChoices.ProblemAsync(db, record.SuperviseeId, form.Logs, cancellationToken);
            if (details is null || logProblem is not null)
            {
                var all = new Dictionary<string, string>(errors);
                if (logProblem is not null) all[nameof(RecordForm.Logs)] = logProblem;
                return new Page<Open.Model>(await open.ModelAsync(record, party, new Open.Refusal(Form: form, Errors: all), cancellationToken), StatusCodes.Status400BadRequest);
            }
            if (await db.SaveOrRefuseAsync(() => record.Save(record.SupervisorId, details, form.Version, protector, access.Now), cancellationToken) is not { } refused)
                return new Saved($"/supervision/records/{id}", record.Version, record.UpdatedAt, ActionIds(rows, record));

            var current = await access.OpenAsync(principal, id, cancellationToken);
            if (current is null) return new NotFound();
            if (!refused.Conflict)
                return new Page<Open.Model>(await open.ModelAsync(current.Value.Record, party, new Open.Refusal(refused.Message, Form: form), cancellationToken), refused.StatusCode);

            // Someone changed it first (another tab saved or signed): show the record as it is now, with the
            // supervisor's own text still in the form. Saving that form again replaces what is there now.
            form.Version = current.Value.Record.Version;
            var message = refused.Message ?? "This record changed while you were saving, so your changes were not saved.";
            var editable = current.Value.Record.Status == RecordStatus.Draft;
            return new Page<Open.Model>(await open.ModelAsync(current.Value.Record, party, new Open.Refusal(
                message + (editable
                    ? " Your text is still in the form. Check the record as it is now, then save again to replace it with yours."
                    : " Your text is still in the form below, so you can copy anything you need."),
                Conflict: true, Form: form), cancellationToken), refused.StatusCode);
        }

        // Walks the rows in the order the record now holds its actions: a row that kept its place is the next action.
        private static List<Guid?> ActionIds(IReadOnlyList<RecordForm.ActionRow> rows, SupervisionRecord record)
        {
            var ordered = record.Actions.OrderBy(a => a.Position).ToList();
            var ids = new List<Guid?>();
            var next = 0;
            foreach (var row in rows)
            {
                var action = next < ordered.Count ? ordered[next] : null;
                var kept = !row.IsBlankNewRow && action is not null && (row.Id is { } id ? action.Id == id
                    : row.CarriedFrom is { } from ? action.CarriedFromId == from
                    : !action.IsCarriedForward);
                ids.Add(kept ? ordered[next++].Id : null);
            }
            return ids;
        }
    }
}
