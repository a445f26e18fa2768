using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.KeptDrafts;

// The author deletes a kept draft they no longer need. Another person's draft is answered as not found.
public static class Discard
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<bool> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            return await db.KeptDrafts.Where(d => d.Id == id && d.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
        }
    }

    /// <summary>Deletes every kept draft past its expiry (the retention job); returns how many.</summary>
    public static Task<int> DeleteExpiredAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.KeptDrafts.Where(d => d.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
