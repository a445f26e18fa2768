using System.Net;
using CSELearning.DurabilityTests.Infrastructure;
using CSELearning.Web.Infrastructure.Web;

namespace CSELearning.DurabilityTests;

/// <summary>
/// The request-size limit on the real server. Kestrel stops a body at the same size by itself, and for a body
/// sent in chunks (no Content-Length) that stop surfaces wherever the body is first read; the in-process test
/// server applies no limit at all, so only here is that path the one in production.
/// </summary>
public sealed class RequestSizeTests
{
    [Fact]
    public async Task A_body_over_the_limit_gets_the_too_large_page_whether_it_states_its_length_or_comes_in_chunks()
    {
        using var data = new SiteData("request-size");
        var emails = await data.CreateLearnersAsync(1);
        await using var site = await SiteProcess.StartAsync(data.Directory);
        using var learner = (await Learner.SignInAllAsync(site.Address, emails)).Single();
        var (_, id) = await learner.CreateLogAsync();
        var logId = id ?? throw new InvalidOperationException("No log was created.");
        // The text goes into three fields, so the body is over the limit by about 3 KB.
        var huge = new string('a', (int)SiteOptions.MaxRequestBytes / 3 + 1024);

        foreach (var chunked in new[] { false, true })
        {
            var (status, page) = await learner.SaveAsync(logId, 1, huge, chunked);
            Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"chunked: {chunked}: {(int)status}");
            Assert.Contains("That was too large to send", page);
        }
        Assert.Equal(1, (await learner.ReadLogAsync(logId)).Version);

        // An ordinary save in chunks is read in full and stored.
        var (saved, _) = await learner.SaveAsync(logId, 1, "Sent in chunks", chunked: true);
        Assert.Equal(HttpStatusCode.Redirect, saved);
        var log = await learner.ReadLogAsync(logId);
        Assert.Equal(2, log.Version);
        Assert.Equal("Sent in chunks", log.Title);
    }
}
