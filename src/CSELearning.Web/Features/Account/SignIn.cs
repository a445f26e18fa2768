using System.ComponentModel.DataAnnotations;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Features.Account;

public static partial class SignIn
{
    // One message for every failure, so the page never says whether an account exists.
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

    public sealed partial class Handler(AppSignInManager signInManager, UserManager<User> users, ILogger<Handler> logger)
    {
        public async Task<bool> HandleAsync(Input input)
        {
            var user = await users.FindByEmailAsync(input.Email.Trim());
            if (user is null)
            {
                signInManager.SpendTimeAsIfCheckingPassword(input.Password);
                LogFailed(logger, input.Email, "no such account");
                return false;
            }

            // Whatever session the browser had ends here: a sign-in always starts a new one.
            if (signInManager.Context.User.Identity?.IsAuthenticated == true) await signInManager.SignOutAsync();
            var result = await signInManager.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut || result.IsNotAllowed)
                signInManager.SpendTimeAsIfCheckingPassword(input.Password);
            if (result.Succeeded) LogSignedIn(logger, user.Id);
            else LogFailed(logger, input.Email, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed to sign in" : "wrong password");
            return result.Succeeded;
        }

        // Authentication events for the security log (OWASP ASVS V16). The address is as typed: the console
        // formatter escapes line breaks and control characters in it, as in every log value.
        [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for {Email}: {Reason}")]
        private static partial void LogFailed(ILogger logger, string email, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Signed in user {UserId}")]
        private static partial void LogSignedIn(ILogger logger, Guid userId);
    }
}
