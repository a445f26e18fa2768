using System.Security.Claims;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>
/// Identity's sign-in manager with the platform's rules: a deactivated account can neither sign in nor
/// keep a session, and every sign-in starts a new session with its own id and start time, recorded on the server
/// (<see cref="SessionRecords"/>) so that signing out ends it there too.
/// </summary>
public sealed class AppSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    TimeProvider time,
    SessionRecords sessions)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string SessionIdClaim = "sid";
    public const string SignedInAtItem = ".signed-in-at";

    public override async Task<bool> CanSignInAsync(User user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(User? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    // Set while a sign-in is refreshed (after a password change): the session goes on, with its id and start time.
    private string? _refreshedSessionId;

    public override async Task SignInWithClaimsAsync(User user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        authenticationProperties ??= new AuthenticationProperties();
        string sessionId;
        if (_refreshedSessionId is { } kept && authenticationProperties.Items.ContainsKey(SignedInAtItem))
            sessionId = kept;
        else
        {
            authenticationProperties.Items[SignedInAtItem] = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            sessionId = (await sessions.StartAsync(user.Id)).ToString("N");
        }
        var claims = additionalClaims.Where(c => c.Type != SessionIdClaim).Append(new Claim(SessionIdClaim, sessionId));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task RefreshSignInAsync(User user)
    {
        _refreshedSessionId = Context.User.FindFirstValue(SessionIdClaim);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshedSessionId = null;
        }
    }

    /// <summary>Ends this browser's session on the server as well as deleting its cookie.</summary>
    public override async Task SignOutAsync()
    {
        await sessions.EndAsync(Context.User);
        await base.SignOutAsync();
    }

    /// <summary>Compares a password for an account that does not exist, so that both answers take as long.</summary>
    public void SpendTimeAsIfCheckingPassword(string password)
    {
        var hasher = UserManager.PasswordHasher;
        hasher.VerifyHashedPassword(TimingDecoy.Value, TimingDecoy.Value.PasswordHash!, password);
    }

    private static readonly Lazy<User> TimingDecoy = new(() =>
    {
        var decoy = new User("timing.decoy@cselearning.invalid", "Timing decoy", JobRole.Other, DateTime.UnixEpoch);
        decoy.PasswordHash = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = PasswordPolicy.HashIterations }))
            .HashPassword(decoy, Guid.NewGuid().ToString());
        return decoy;
    });
}
