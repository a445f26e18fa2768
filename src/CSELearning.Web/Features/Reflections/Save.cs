using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

// The author saves the log: from the Save button (no JavaScript needed) or by autosave.
public static class Save
{
    // Saved, at this version: on to the log, or the autosave's answer.
    public sealed record Saved(string Url, int Version, DateTime At) : Done(Url, "Your log has been saved");

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access, Open.Handler open)
    {
        // Returns
        // Saved; or nothing saved, and the Open.Model page back with the author's text in
        // the form and why; or NotFound.
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, LogForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader) || reader != Reader.Author)
                return new NotFound();

            var text = form.ToText();
            var errors = text.Problems();
            if (errors.Count > 0)
                return new Page<Open.Model>(await open.ModelAsync(log, reader, form, null, errors, conflict: false, cancellationToken), StatusCodes.Status400BadRequest);
            if (await db.SaveOrRefuseAsync(() => log.Save(log.AuthorId, text, form.Version, protector, access.Now), cancellationToken) is not { } refused)
                return new Saved($"/reflections/{id}", log.Version, log.UpdatedAt);

            // Someone else changed it first (a supervisor signed it off, another tab saved): show the log
            // as it is now, with the author's own text still in the form for them to keep.
            var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
            var message = refused.Message ?? "This log changed while you were saving, so your changes were not saved.";
            return new Page<Open.Model>(await open.ModelAsync(current, reader, form, message + " Your text is below: you can save it as a new draft.", null, conflict: true, cancellationToken),
                StatusCodes.Status409Conflict);
        }
    }
}
