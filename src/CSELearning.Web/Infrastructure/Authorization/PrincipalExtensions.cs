using System.Security.Claims;

namespace CSELearning.Web.Infrastructure.Authorization;

public static class PrincipalExtensions
{
    /// <summary>The signed-in person's id. Only for endpoints that require sign-in (the fallback policy does).</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The request is not signed in.");
}
