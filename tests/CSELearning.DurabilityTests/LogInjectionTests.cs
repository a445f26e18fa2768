using System.Net;
using CSELearning.DurabilityTests.Infrastructure;

namespace CSELearning.DurabilityTests;

/// <summary>What someone types never reaches the site's log able to break a line or forge an entry.</summary>
public sealed class LogInjectionTests
{
    private const string Forged = "fail: CSELearning.Web.Features.Errors.ErrorsController[0] Request failed with ForgedException";

    [Fact]
    public async Task A_sign_in_email_with_line_breaks_and_control_characters_is_logged_escaped_on_one_line()
    {
        using var data = new SiteData("log-injection");
        await data.CreateLearnersAsync(0);
        await using var site = await SiteProcess.StartAsync(data.Directory);
        using var visitor = new Learner(site.Address, "nobody@riverside-durability.example");

        var status = await visitor.TrySignInAsync($"mallory@riverside.example\r\n{Forged}\u001b[2K\u2028tail", "not-the-password-at-all");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!site.Output.Contains("Sign-in failed for", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(HttpStatusCode.OK, status); // the form again, with its one message
        var lines = site.Output.Split('\n');
        var entry = Assert.Single(lines, l => l.Contains("Sign-in failed for", StringComparison.Ordinal));
        // Typed text arrives with its line breaks as \n (the site's one form of a line break), then escaped.
        Assert.Contains(@"mallory@riverside.example\nfail: CSELearning.Web.Features.Errors.ErrorsController[0] Request failed with ForgedException\u001b[2K\u2028tail", entry);
        Assert.StartsWith("warn: ", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimEnd('\r').StartsWith(Forged, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', site.Output);
        Assert.DoesNotContain('\u2028', site.Output);
    }
}
