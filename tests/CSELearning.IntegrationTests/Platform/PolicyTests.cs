using System.Security.Claims;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>The application's own authorization set-up: one policy per role, and signed-in by default.</summary>
public sealed class PolicyTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static ClaimsPrincipal Person(params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public static TheoryData<string> PolicyNames => [.. Policies.RoleFor.Keys];

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public async Task Each_role_policy_admits_that_role_and_no_other(string policy)
    {
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var role = Policies.RoleFor[policy];

        Assert.True((await authorization.AuthorizeAsync(Person(role), policy)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(Person("Learner", role), policy)).Succeeded);
        foreach (var other in Policies.RoleFor.Values.Where(r => r != role))
            Assert.False((await authorization.AuthorizeAsync(Person(other), policy)).Succeeded, $"{policy} admitted a {other}");
        Assert.False((await authorization.AuthorizeAsync(Anonymous, policy)).Succeeded);
    }

    [Fact]
    public async Task The_fallback_policy_requires_a_signed_in_user()
    {
        var provider = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await provider.GetFallbackPolicyAsync();
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();

        Assert.NotNull(fallback);
        Assert.False((await authorization.AuthorizeAsync(Anonymous, null, fallback)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(Person(), null, fallback)).Succeeded);
    }
}
