using System.ComponentModel.DataAnnotations;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Features.Account;

public static class SignIn
{
    /// <summary>One message for every failure, so the page never says whether an account exists.</summary>
    public const string FailureMessage =
        "The email address or password is not right, or this account cannot sign in at the moment. " +
        "After 5 wrong attempts in a row an account is locked for a while.";

    public sealed class Input
    {
        [Required(ErrorMessage = "Enter your email address")]
        [StringLength(User.EmailMaxLength, ErrorMessage = "Enter your email address")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(PasswordPolicy.MaximumLength * 4, ErrorMessage = "Enter your password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }

    public sealed class Handler(AppSignInManager signInManager, UserManager<User> users)
    {
        public async Task<bool> HandleAsync(Input input)
        {
            var user = await users.FindByEmailAsync(input.Email.Trim());
            if (user is null)
            {
                signInManager.SpendTimeAsIfCheckingPassword(input.Password);
                return false;
            }

            // Whatever session the browser had ends here: a sign-in always starts a new one.
            if (signInManager.Context.User.Identity?.IsAuthenticated == true) await signInManager.SignOutAsync();
            var result = await signInManager.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut || result.IsNotAllowed)
                signInManager.SpendTimeAsIfCheckingPassword(input.Password);
            return result.Succeeded;
        }
    }
}
