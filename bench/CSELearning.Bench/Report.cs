using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CSELearning.Bench;

/// <summary>
/// Turns the run's measurements (one JSON object a line, written by bench/run.sh) into the markdown report:
/// every figure with its goal and whether it was met, then the machine and the run.
/// </summary>
public static class Report
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var lines = await File.ReadAllLinesAsync(args.Text("results"));
        var results = lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var facts = (await File.ReadAllLinesAsync(args.Text("facts"))).Where(l => l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t', 2)).ToList();
        var report = new StringBuilder();
        Write(report, results, facts);
        await File.WriteAllTextAsync(args.Text("out"), report.ToString());
        Console.Write(report.ToString());
        return 0;
    }

    private static IEnumerable<JsonObject> Of(List<JsonObject> results, string figure) => results.Where(r => (string?)r["figure"] == figure);

    private static string N(double value, string format = "N0") => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Where a size's data came from: the cache, the cache of an older schema brought up to date, or generated.</summary>
    private static string DataSource(JsonNode data)
    {
        var seconds = N(D(data["seconds"]), "N0");
        if (!(bool)data["reused"]!) return $"generated in this run ({seconds} s)";
        var migratedFrom = (string?)data["migratedFrom"];
        return string.IsNullOrEmpty(migratedFrom) ? "reused from the cache" : $"reused from the cache made at migration {migratedFrom}, brought up to date by `migrate` in this run ({seconds} s)";
    }

    private static double D(JsonNode? node) => node is null ? double.NaN : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Verdict(bool? pass) => pass switch { true => "**pass**", false => "**miss**", null => "no goal" };

    /// <summary>Errors of any kind in a load run: refused posts, socket errors, unexpected statuses.</summary>
    private static double Errors(JsonNode data) =>
        (data["failed"] is null ? 0 : D(data["failed"])) + D(data["connectErrors"]) + D(data["readErrors"]) + D(data["writeErrors"]) + D(data["timeouts"])
        + (data["ok"] is null ? D(data["non2xx3xx"]) : 0);

    private static void Write(StringBuilder r, List<JsonObject> results, List<string[]> facts)
    {
        var fact = facts.ToDictionary(f => f[0], f => f[1]);
        r.AppendLine("# CSELearning benchmark");
        r.AppendLine();
        r.AppendLine(CultureInfo.InvariantCulture, $"Run {fact.GetValueOrDefault("date")} on commit `{fact.GetValueOrDefault("commit")}`, {fact.GetValueOrDefault("mode")} run, took {fact.GetValueOrDefault("duration")}.");
        r.AppendLine("Every rate is measured in this run against a reference measured in the same run where one exists, so compare ratios between machines, not raw rates.");
        r.AppendLine();
        r.AppendLine("| figure | data | database | result | goal | |");
        r.AppendLine("|---|---|---|---|---|---|");

        foreach (var page in Of(results, "page"))
        {
            var size = (string)page["size"]!;
            var data = page["data"]!;
            var reference = Of(results, "static").FirstOrDefault(s => (string?)s["size"] == size)?["data"];
            var ratio = reference is null ? double.NaN : D(data["perSecond"]) / D(reference["perSecond"]);
            var errors = Errors(data) + (reference is null ? 0 : Errors(reference));
            var pass = ratio >= 0.5 && D(data["p99Ms"]) < 50 && errors == 0;
            r.AppendLine(CultureInfo.InvariantCulture, $"| 1. module page throughput | {size} | {page["db"]} | {N(D(data["perSecond"]))} requests/s = **{N(ratio * 100, "N0")}%** of the static file's {N(D(reference?["perSecond"]))}/s ({N(D(data["bytes"]) / Math.Max(1, D(data["requests"])), "N0")} bytes each); p99 {N(D(data["p99Ms"]), "N1")} ms (static {N(D(reference?["p99Ms"]), "N1")} ms) at {page["connections"]} connections{ErrorNote(errors)} | ≥ 50% of static, p99 < 50 ms | {Verdict(pass)} |");
        }
        foreach (var step in Of(results, "choose"))
        {
            var data = step["data"]!;
            var errors = Errors(data);
            var pass = D(data["okPerSecond"]) >= 1000 && D(data["p99Ms"]) < 100 && errors == 0;
            r.AppendLine(CultureInfo.InvariantCulture, $"| 2. scenario step (choose) | {step["size"]} | {step["db"]} | **{N(D(data["okPerSecond"]))} choices/s** ({N(D(data["ok"]))} accepted, {N(D(data["other"]))} start-again/resync requests); p99 {N(D(data["p99Ms"]), "N1")} ms at {step["connections"]} learners{ErrorNote(errors)} | ≥ 1,000/s, p99 < 100 ms | {Verdict(pass)} |");
        }
        foreach (var save in Of(results, "autosave"))
        {
            var data = save["data"]!;
            var errors = Errors(data);
            r.AppendLine(CultureInfo.InvariantCulture, $"| 3. reflection autosave | {save["size"]} | {save["db"]} | **{N(D(data["okPerSecond"]))} saves/s** ({N(D(data["ok"]))} saved); p99 {N(D(data["p99Ms"]), "N1")} ms at {save["connections"]} learners{ErrorNote(errors)} | none set (measured) | {(errors == 0 ? "no goal" : "**errors**")} |");
        }
        foreach (var views in Of(results, "dashboard"))
        {
            foreach (var view in views["data"]!.AsArray())
            {
                var failures = D(view!["failures"]);
                var pass = D(view["medianMs"]) < 150 && failures == 0;
                r.AppendLine(CultureInfo.InvariantCulture, $"| 4. dashboard `{view["url"]}` | {views["size"]} | {views["db"]} | median **{N(D(view["medianMs"]), "N0")} ms**, p95 {N(D(view["p95Ms"]), "N0")} ms, max {N(D(view["maxMs"]), "N0")} ms ({view["count"]} sequential requests after {views["warmup"]} warm-up){ErrorNote(failures)} | median < 150 ms | {Verdict(pass)} |");
            }
        }
        foreach (var pdf in Of(results, "pdf"))
        {
            var data = pdf["data"]!;
            r.AppendLine(CultureInfo.InvariantCulture, $"| 5. certificates | any | none | **{N(D(data["perSecond"]))} PDFs/s** ({data["pdfs"]} in {N(D(data["seconds"]), "N1")} s on {data["threads"]} threads, {N(D(data["bytes"]))} bytes each; rendered in process by the site's renderer, not over HTTP) | ≥ 200/s | {Verdict(D(data["perSecond"]) >= 200)} |");
        }
        foreach (var start in Of(results, "startup"))
        {
            var data = start["data"]!;
            r.AppendLine(CultureInfo.InvariantCulture, $"| 6. start-up | {start["size"]} | {start["db"]} | median **{N(D(data["medianSeconds"]), "N2")} s** from process start to the first `GET /health` 200 with {data["modules"]} modules (each run: {data["runs"]} s) | < 3 s | {Verdict(D(data["medianSeconds"]) < 3)} |");
        }
        foreach (var memory in Of(results, "memory"))
        {
            var data = memory["data"]!;
            r.AppendLine(CultureInfo.InvariantCulture, $"| 6. memory after the load | {memory["size"]} | {memory["db"]} | VmRSS **{N(D(data["rssMb"]))} MB** (peak VmHWM {N(D(data["hwmMb"]))} MB) | none set (measured) | no goal |");
        }

        r.AppendLine();
        r.AppendLine("## Data");
        r.AppendLine();
        r.AppendLine("| data (learners/events) | database | generated partnership | |");
        r.AppendLine("|---|---|---|---|");
        foreach (var data in Of(results, "data"))
            r.AppendLine(CultureInfo.InvariantCulture, $"| {data["size"]} | {data["db"]} | {data["data"]!["agencies"]} agencies, seed {data["data"]!["seed"]} | {DataSource(data["data"]!)} |");

        r.AppendLine();
        r.AppendLine("## Machine and run");
        r.AppendLine();
        r.AppendLine("| | |");
        r.AppendLine("|---|---|");
        foreach (var (key, value) in facts.Select(f => (f[0], f[1])))
            r.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |");
        r.AppendLine();
        r.AppendLine("How each figure is measured, and what it means: `bench/README.md`.");
    }

    private static string ErrorNote(double errors) => errors > 0 ? $"; **{N(errors)} errors** (responses other than the expected one, or socket errors)" : "; no errors";
}
