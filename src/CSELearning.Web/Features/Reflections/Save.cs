using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

public static class Save
{
    public sealed record Saved(string Url, int Version, DateTime At) : Done(Url, "Your log has been saved");

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access, Open.Handler open)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, LogForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader) || reader != Reader.Author)
                return new NotFound();

            var text = form.ToText();
            var errors = text.Problems();
            if (errors.Count > 0)
                return new Page<Open.Model>(await open.ModelAsync(log, reader, log.AuthorId, form, null, errors, conflict: false, cancellationToken), StatusCodes.Status400BadRequest);
            if (await db.SaveOrRefuseAsync(() => log.Save(log.AuthorId, text, form.Version, protector, access.Now), cancellationToken) is not { } refused)
                return new Saved($"/reflections/{id}", log.Version, log.UpdatedAt);

            // Changed meanwhile (a sign-off, another tab): show it as it is now, keeping the author's text in the form.
            var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
            var message = refused.Message ?? "This log changed while you were saving, so your changes were not saved.";
            return new Page<Open.Model>(await open.ModelAsync(current, reader, log.AuthorId, form, message + " Your text is below: you can save it as a new draft.", null, conflict: true, cancellationToken),
                StatusCodes.Status409Conflict);
        }
    }
}
