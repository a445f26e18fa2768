using System.Diagnostics;
using System.Net;

namespace CSELearning.Bench;

/// <summary>
/// Each address requested one after another on one kept-alive connection, with the cookie given: a few
/// untimed warm-up requests, then the timed ones (fewer when a view is slow). Prints the median, 95th percentile and any request that
/// was not 200.
/// </summary>
public static class Timed
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var site = new Uri(args.Text("base"));
        var cookie = (await File.ReadAllTextAsync(args.Text("cookie-file"))).Trim();
        var warmup = args.Number("warmup", 3);
        var count = args.Number("count", 20);
        // A slow view stops early (after at least five timed requests) so one view cannot hold up the run.
        var budget = TimeSpan.FromSeconds(args.Number("max-seconds", 120));
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || site.IsLoopback },
        })
        { BaseAddress = site, Timeout = TimeSpan.FromMinutes(5) };

        var results = new List<object>();
        foreach (var url in args.All("url"))
        {
            var times = new List<double>();
            var failures = 0;
            var bytes = 0L;
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < warmup + count; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("Cookie", cookie);
                var clock = Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var ms = clock.Elapsed.TotalMilliseconds;
                if (i < warmup) continue;
                if (times.Count >= 5 && spent.Elapsed > budget) break;
                if (response.StatusCode != HttpStatusCode.OK) failures++;
                times.Add(ms);
                bytes = body.Length;
            }
            times.Sort();
            results.Add(new { url, count = times.Count, failures, bytes, medianMs = Json.Percentile(times, 50), p95Ms = Json.Percentile(times, 95), maxMs = times[^1] });
        }
        Json.Print(results);
        return 0;
    }
}
