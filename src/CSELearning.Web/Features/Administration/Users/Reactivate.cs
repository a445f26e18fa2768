using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Features.Administration.Users;

// Lets a deactivated person sign in again with the password they had.
public static class Reactivate
{
    public const string ErasedMessage = "This account has been erased: it cannot be reactivated.";

    public sealed class Handler(UserManager<User> users)
    {
        public async Task<Outcome> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return Outcome.NotFound();

            if (user.IsErased) return Outcome.Refused("", ErasedMessage);

            user.Reactivate();
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException($"Reactivating {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            return Outcome.Saved(user.Id);
        }
    }
}
