using System.Diagnostics;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Certificates;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CSELearning.Bench;

/// <summary>
/// Certificates rendered per second by the site's own renderer (<see cref="CertificateFiles"/>, which draws
/// CertificateDocument), one renderer per core, each issuing a fresh certificate (its own number and QR code)
/// per PDF, for a fixed time after a warm-up.
/// </summary>
public static class Certificates
{
    public static Task<int> RunAsync(Arguments args)
    {
        var catalog = ContentCatalog.Load(args.Text("content"));
        var module = catalog.Modules.OrderBy(m => m.Id, StringComparer.Ordinal).First();
        var seconds = args.Number("seconds", 10);
        var threads = args.Number("threads", Environment.ProcessorCount);
        var files = new CertificateFiles(Options.Create(new SiteOptions { PublicBaseUrl = "https://learning.example.org" }), new HttpContextAccessor());

        byte[] RenderOne(int i)
        {
            var now = DateTime.UtcNow;
            var progress = new ModuleProgress(Guid.CreateVersion7(), module, 1, now.AddMinutes(-40));
            var certificate = new Certificate(progress.Complete(module, 80 + i % 20, now), module, $"Learner {i} Example-Name", "Generated Partnership (seed 1)", now);
            return files.Render(certificate);
        }

        var size = 0;
        for (var i = 0; i < 20; i++) size = RenderOne(i).Length; // warm-up: fonts, JIT
        long count = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            var i = t * 1_000_000;
            while (clock.Elapsed < until)
            {
                RenderOne(i++);
                Interlocked.Increment(ref count);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        Json.Print(new { pdfs = count, seconds = elapsed, perSecond = count / elapsed, threads, bytes = size, module = module.Id });
        return Task.FromResult(0);
    }
}
