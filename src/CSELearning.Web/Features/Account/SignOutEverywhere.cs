using System.Security.Claims;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Account;

// For a person who signed in on a shared or lost device: every session of theirs ends on the server, this one too.
public static class SignOutEverywhere
{
    public sealed class Handler(SessionRecords sessions, AppSignInManager signInManager)
    {
        public async Task HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            await sessions.EndAllAsync(principal.UserId(), cancellationToken);
            await signInManager.SignOutAsync();
        }
    }
}
