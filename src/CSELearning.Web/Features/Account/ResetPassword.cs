using System.Text;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CSELearning.Web.Features.Account;

public static class ResetPassword
{
    public const string InvalidLinkMessage = "This link has expired or has already been used. Ask for a new one.";

    public sealed class Input : NewPasswordInput
    {
        public Guid User { get; set; }
        public string Token { get; set; } = "";
    }

    public sealed record Result(bool Succeeded, bool InvalidLink, IReadOnlyList<string> PasswordErrors);

    public sealed class Handler(UserManager<User> users, SessionRecords sessions)
    {
        public async Task<Result> HandleAsync(Input input)
        {
            var user = await users.FindByIdAsync(input.User.ToString());
            string token;
            try
            {
                token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(input.Token));
            }
            catch (FormatException)
            {
                return new Result(false, true, []);
            }
            if (user is null || !user.IsActive) return new Result(false, true, []);

            var outcome = await users.ResetPasswordAsync(user, token, input.NewPassword);
            if (outcome.Succeeded)
            {
                // A reset proves control of the mailbox: the lock from earlier failures no longer applies.
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                // Whoever knew the old password is signed out everywhere, now.
                await sessions.EndAllAsync(user.Id);
                return new Result(true, false, []);
            }
            var invalidToken = outcome.Errors.Any(e => e.Code == new IdentityErrorDescriber().InvalidToken().Code);
            return new Result(false, invalidToken, invalidToken ? [] : outcome.Errors.Select(e => e.Description).ToList());
        }
    }
}
