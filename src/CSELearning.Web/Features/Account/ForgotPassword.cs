using System.ComponentModel.DataAnnotations;
using System.Text;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using CSELearning.Web.Features.Notifications;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CSELearning.Web.Features.Account;

public static class ForgotPassword
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Enter your email address")]
        [StringLength(User.EmailMaxLength, ErrorMessage = "Enter your email address")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";
    }

    // Silent for an unknown or closed address (the same page either way); also invites people an administrator added.
    public sealed class Handler(UserManager<User> users, AppSignInManager signInManager, SecurityMail email, ResetLinks links)
    {
        public async Task HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(input.Email.Trim());
            if (user is null || !user.IsActive)
            {
                signInManager.SpendTimeAsIfCheckingPassword(input.Email);
                return;
            }
            await SendResetLinkAsync(users, email, links, user, invitation: false, cancellationToken);
        }

        public static async Task SendResetLinkAsync(UserManager<User> users, SecurityMail email, ResetLinks links, User user, bool invitation, CancellationToken cancellationToken)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.For(user.Id, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)));
            var body = invitation
                ? $"An account has been made for you on CSELearning.\n\nChoose your password here (the link works for 2 hours):\n{link}\n\nIf the link has expired, use \"Forgotten your password?\" on the sign-in page."
                : $"Someone asked to reset the password for your CSELearning account.\n\nChoose a new password here (the link works for 2 hours):\n{link}\n\nIf it was not you, you can ignore this email: your password has not changed.";
            await email.SendAsync(user, invitation ? "Your CSELearning account" : "Reset your CSELearning password", body, cancellationToken);
        }
    }
}

// Builds password-reset links from the configured public address, not from the request's Host header, when one is set.
[FeatureService]
public sealed class ResetLinks(Microsoft.Extensions.Options.IOptions<Infrastructure.Web.SiteOptions> site, IHttpContextAccessor http)
{
    public string For(Guid userId, string encodedToken)
    {
        var root = site.Value.PublicBaseUrl?.TrimEnd('/');
        if (string.IsNullOrEmpty(root))
        {
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("A reset link needs a request or Site:PublicBaseUrl.");
            root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return $"{root}/account/reset-password?user={userId:D}&token={encodedToken}";
    }
}
