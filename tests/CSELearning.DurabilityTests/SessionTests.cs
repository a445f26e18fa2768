using System.Net;
using CSELearning.DurabilityTests.Infrastructure;

namespace CSELearning.DurabilityTests;

/// <summary>Signing out ends the session on the server: a copy of the cookie taken before is refused after.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_copy_of_the_sign_in_cookie_is_refused_once_its_browser_signs_out()
    {
        using var data = new SiteData("sessions");
        var email = (await data.CreateLearnersAsync(2))[0];
        await using var site = await SiteProcess.StartAsync(data.Directory);
        using var learner = new Learner(site.Address, email);
        await learner.SignInAsync();
        var (_, logId) = await learner.CreateLogAsync();
        Assert.NotNull(logId);
        using var thief = Learner.Client(site.Address, cookies: null);
        string[] pages = ["/account", $"/reflections/{logId}"];
        foreach (var page in pages) Assert.Equal(HttpStatusCode.OK, (await GetAsync(thief, page, learner.SignInCookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await learner.SignOutAsync());

        foreach (var page in pages)
        {
            using var response = await GetAsync(thief, page, learner.SignInCookie);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
        }
        // Signing in again starts a new session, which works.
        await learner.SignInAsync();
        using var again = await GetAsync(thief, "/account", learner.SignInCookie);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
