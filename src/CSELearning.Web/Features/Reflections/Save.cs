using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

/// <summary>The author saves the log: from the Save button (no JavaScript needed) or by autosave.</summary>
public static class Save
{
    public abstract record Result;
    public sealed record NotFound : Result;
    public sealed record Saved(int Version, DateTime At) : Result;
    /// <summary>Nothing saved: the form comes back with the author's text in it and why.</summary>
    public sealed record Refused(Open.Model Model, int StatusCode) : Result;

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access, Open.Handler open)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Guid id, LogForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader) || reader != Reader.Author)
                return new NotFound();

            var text = form.ToText();
            var errors = text.Problems();
            if (errors.Count > 0)
                return new Refused(await open.ModelAsync(log, reader, form, null, errors, conflict: false, cancellationToken), StatusCodes.Status400BadRequest);
            try
            {
                log.Save(log.AuthorId, text, form.Version, protector, access.Now);
                await db.SaveChangesAsync(cancellationToken);
                return new Saved(log.Version, log.UpdatedAt);
            }
            catch (Exception ex) when (ex is LogConflictException or DbUpdateConcurrencyException)
            {
                // Someone else changed it first (a supervisor signed it off, another tab saved): show the log
                // as it is now, with the author's own text still in the form for them to keep.
                db.ChangeTracker.Clear();
                var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
                var message = ex is LogConflictException conflict ? conflict.Message : "This log changed while you were saving, so your changes were not saved.";
                return new Refused(await open.ModelAsync(current, reader, form, message + " Your text is below: you can save it as a new draft.", null, conflict: true, cancellationToken),
                    StatusCodes.Status409Conflict);
            }
        }
    }
}
