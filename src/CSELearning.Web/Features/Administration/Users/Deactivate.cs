using System.Security.Claims;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Features.Administration.Users;

// Stops a person signing in and ends their sessions; everything they did stays, as other records point to it.
public static class Deactivate
{
    public const string OwnAccountMessage = "You cannot deactivate your own account.";

    public sealed class Handler(UserManager<User> users, SessionRecords sessions, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid id, ClaimsPrincipal administrator, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return Outcome.NotFound();
            if (users.GetUserId(administrator) == user.Id.ToString()) return Outcome.Refused("", OwnAccountMessage);

            user.Deactivate(time.GetUtcNow().UtcDateTime);
            // Their open sessions end now; the new stamp also fails any session's next check against the account.
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException($"Deactivating {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            await sessions.EndAllAsync(user.Id, cancellationToken);
            return Outcome.Saved(user.Id);
        }
    }
}
