using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.KeptDrafts;

// The person's own kept drafts, each with the text of every field, newest first. Expired ones are not shown even
// before the retention job deletes them.
public static class Index
{
    public sealed record Model(IReadOnlyList<Draft> Drafts);

    public sealed record Draft(Guid Id, string? FormPage, DateTime KeptAt, DateTime ExpiresAt, IReadOnlyList<KeepTypedText.Field> Fields);

    public sealed class Handler(AppDbContext db, KeepTypedText.Handler keeper, TimeProvider time)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var now = time.GetUtcNow().UtcDateTime;
            var drafts = await db.KeptDrafts.AsNoTracking()
                .Where(d => d.UserId == userId && d.ExpiresAt > now)
                .OrderByDescending(d => d.CreatedAt)
                .ToListAsync(cancellationToken);
            return new Model(drafts.Select(d => new Draft(d.Id, d.FormPage, d.CreatedAt, d.ExpiresAt, keeper.Read(d))).ToList());
        }
    }

    /// <summary>A field's name as a person would call it: "SessionDate" becomes "Session date".</summary>
    public static string Label(string name)
    {
        var last = name.Split('.', '[')[^1].TrimEnd(']');
        var text = new System.Text.StringBuilder();
        foreach (var c in last)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(text.Length == 0 ? char.ToUpperInvariant(c) : c);
        }
        return text.Length == 0 ? "Text" : text.ToString();
    }
}
