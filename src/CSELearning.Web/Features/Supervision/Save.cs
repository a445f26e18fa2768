using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Supervision;

/// <summary>The supervisor saves the draft. Anything refused comes back in the form, with why.</summary>
public static class Save
{
    public abstract record Result;
    public sealed record NotFound : Result;
    /// <summary>The supervisee may read the record but not change it.</summary>
    public sealed record Forbidden : Result;
    public sealed record Saved : Result;
    public sealed record Refused(Open.Model Model, int StatusCode) : Result;

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Guid id, RecordForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisor) return new Forbidden();

            var (details, errors) = form.ToDetails();
            var logProblem = await DiscussedLogChoices.ProblemAsync(db, record.SuperviseeId, form.Logs, cancellationToken);
            if (details is null || logProblem is not null)
            {
                var all = new Dictionary<string, string>(errors);
                if (logProblem is not null) all[nameof(RecordForm.Logs)] = logProblem;
                return new Refused(await open.ModelAsync(record, party, new Open.Refusal(Form: form, Errors: all), cancellationToken), StatusCodes.Status400BadRequest);
            }
            try
            {
                record.Save(record.SupervisorId, details, form.Version, protector, access.Now);
                await db.SaveChangesAsync(cancellationToken);
                return new Saved();
            }
            catch (Exception ex) when (ex is RecordConflictException or DbUpdateConcurrencyException)
            {
                // Someone changed it first (another tab saved or signed): show the record as it is now, with the
                // supervisor's own text still in the form. Saving that form again replaces what is there now.
                db.ChangeTracker.Clear();
                var current = await access.OpenAsync(principal, id, cancellationToken);
                if (current is null) return new NotFound();
                form.Version = current.Value.Record.Version;
                var message = ex is RecordConflictException conflict ? conflict.Message : "This record changed while you were saving, so your changes were not saved.";
                var editable = current.Value.Record.Status == RecordStatus.Draft;
                return new Refused(await open.ModelAsync(current.Value.Record, party, new Open.Refusal(
                    message + (editable
                        ? " Your text is still in the form. Check the record as it is now, then save again to replace it with yours."
                        : " Your text is still in the form below, so you can copy anything you need."),
                    Conflict: true, Form: form), cancellationToken), StatusCodes.Status409Conflict);
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                var current = await access.OpenAsync(principal, id, cancellationToken);
                if (current is null) return new NotFound();
                return new Refused(await open.ModelAsync(current.Value.Record, party, new Open.Refusal(ex.Message, Form: form), cancellationToken), StatusCodes.Status400BadRequest);
            }
        }
    }
}
