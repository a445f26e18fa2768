using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Features.Account;

public static class ChangePassword
{
    public sealed class Input : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your current password")]
        [StringLength(PasswordPolicy.MaximumLength * 4, ErrorMessage = "Enter your current password")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";
    }

    public enum Outcome { Changed, WrongCurrentPassword, LockedOut, Rejected }

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Errors);

    public sealed class Handler(UserManager<User> users, AppSignInManager signInManager, SessionRecords sessions)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Input input)
        {
            var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("A signed-in user has no account.");
            // Wrong current passwords count towards the lockout, as at sign-in.
            var check = await signInManager.CheckPasswordSignInAsync(user, input.CurrentPassword, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                await signInManager.SignOutAsync();
                return new Result(Outcome.LockedOut, []);
            }
            if (!check.Succeeded) return new Result(Outcome.WrongCurrentPassword, ["Your current password is not right"]);

            var changed = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            if (!changed.Succeeded) return new Result(Outcome.Rejected, changed.Errors.Select(e => e.Description).ToList());

            // Every other session ends now (the changed security stamp would end them at their next check too);
            // this one goes on.
            await sessions.EndOthersAsync(user.Id, principal);
            await signInManager.RefreshSignInAsync(user);
            return new Result(Outcome.Changed, []);
        }
    }
}
