using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;

namespace CSELearning.IntegrationTests.Platform;

public sealed class TightSignInLimitFactory : SqliteAppFactory
{
    public TightSignInLimitFactory() => WithSetting("Security:SignInAttemptsPerWindow", "3");
}

public sealed class RateLimitTests(TightSignInLimitFactory factory) : IClassFixture<TightSignInLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_whatever_the_account()
    {
        await factory.ResetAsync();
        await factory.CreateUserAsync("sky.rivers@riverside.example", null, Roles.Learner);
        var client = factory.CreateBrowser();
        var form = await client.GetPageAsync("/account/sign-in");
        var token = Browser.AntiforgeryToken(form);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostWithTokenAsync("/account/sign-in", token, [new("Email", $"guess{i}@riverside.example"), new("Password", "a-wrong-guess-here")])).StatusCode);

        var limited = await client.PostWithTokenAsync("/account/sign-in", token, [new("Email", "sky.rivers@riverside.example"), new("Password", TestData.Password)]);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
    }
}
