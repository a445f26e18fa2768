using System.Globalization;
using System.Text.Json;
using System.Xml;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Reporting;

// The actor is named by the person's opaque id (never an email or a name), and a statement's id is its record's, so
// exporting twice gives the same statements for a store to drop. No answer a person gave is included, only scores.
public static class Xapi
{
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";
    private const string ModuleType = "http://adlnet.gov/expapi/activities/module";
    private const string AssessmentType = "http://adlnet.gov/expapi/activities/assessment";
    private const string SimulationType = "http://adlnet.gov/expapi/activities/simulation";

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, IOptions<SiteOptions> site)
    {
        public async Task<IActionResult?> HandleAsync(System.Security.Claims.ClaimsPrincipal principal, ReportFilter filter, HttpRequest request, CancellationToken ct)
        {
            if (await ReportScope.ResolveAsync(db, principal, filter, ct) is not { } scope) return null;
            var baseUrl = (site.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}").TrimEnd('/');
            return new StatementsResult(this, scope, filter, baseUrl);
        }

        internal async Task WriteAsync(Stream body, ReportScope scope, ReportFilter filter, string baseUrl, CancellationToken ct)
        {
            var start = filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var learners = scope.Learners(db, filter).Select(u => u.Id);
            var completions = db.ModuleCompletions.AsNoTracking()
                .Where(c => learners.Contains(c.UserId) && (start == null || c.CompletedAt >= start) && (end == null || c.CompletedAt < end))
                .OrderBy(c => c.CompletedAt).ThenBy(c => c.Id);
            var attempts = db.CheckAttempts.AsNoTracking()
                .Where(a => learners.Contains(a.UserId) && (start == null || a.SubmittedAt >= start) && (end == null || a.SubmittedAt < end))
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id);
            var runs = db.ScenarioRuns.AsNoTracking()
                .Where(r => learners.Contains(r.UserId) && (start == null || r.EndedAt >= start) && (end == null || r.EndedAt < end))
                .OrderBy(r => r.EndedAt).ThenBy(r => r.Id);
            if (filter.Module is { Length: > 0 } module)
            {
                completions = completions.Where(c => c.ModuleId == module).OrderBy(c => c.CompletedAt).ThenBy(c => c.Id);
                attempts = attempts.Where(a => a.ModuleId == module).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id);
                runs = runs.Where(r => r.ModuleId == module).OrderBy(r => r.EndedAt).ThenBy(r => r.Id);
            }

            await using var json = new Utf8JsonWriter(body);
            json.WriteStartArray();
            var written = 0;
            await foreach (var c in completions.AsAsyncEnumerable().WithCancellation(ct))
            {
                Statement(json, c.Id, c.UserId, Completed, "completed", ModuleActivity(baseUrl, c.ModuleId), Title(c.ModuleId), ModuleType, c.ModuleVersion, c.CompletedAt, baseUrl,
                    result => { Score(result, c.ScorePercent); result.WriteBoolean("completion", true); result.WriteString("duration", XmlConvert.ToString(TimeSpan.FromSeconds(c.TimeSpentSeconds))); });
                if (++written % 200 == 0) await json.FlushAsync(ct);
            }
            await foreach (var a in attempts.AsAsyncEnumerable().WithCancellation(ct))
            {
                Statement(json, a.Id, a.UserId, Attempted, "attempted", $"{ModuleActivity(baseUrl, a.ModuleId)}/{Uri.EscapeDataString(a.CheckId)}", $"{Title(a.ModuleId)}: knowledge check", AssessmentType, a.ModuleVersion, a.SubmittedAt, baseUrl,
                    result => { Score(result, a.ScorePercent); result.WriteBoolean("success", a.Passed); });
                if (++written % 200 == 0) await json.FlushAsync(ct);
            }
            // Each time through a scenario to an ending: scored by the share of its first decisions that were recommended,
            // and a success when the ending it first reached was a good one.
            await foreach (var r in runs.AsAsyncEnumerable().WithCancellation(ct))
            {
                Statement(json, r.Id, r.UserId, Completed, "completed", $"{ModuleActivity(baseUrl, r.ModuleId)}/{Uri.EscapeDataString(r.ScenarioId)}", ScenarioTitle(r.ModuleId, r.ScenarioId), SimulationType, r.ModuleVersion, r.EndedAt, baseUrl,
                    result =>
                    {
                        if (r.FirstPassScore is { } scaled)
                        {
                            result.WriteStartObject("score");
                            result.WriteNumber("scaled", scaled);
                            result.WriteNumber("raw", r.RecommendedDecisions);
                            result.WriteNumber("min", 0);
                            result.WriteNumber("max", r.ScoredDecisions);
                            result.WriteEndObject();
                        }
                        result.WriteBoolean("success", r.Outcome == EndingOutcome.Good);
                        result.WriteBoolean("completion", true);
                        result.WriteStartObject("extensions");
                        result.WriteString($"{baseUrl}/xapi/extensions/ending-outcome", r.Outcome.Text());
                        result.WriteEndObject();
                    });
                if (++written % 200 == 0) await json.FlushAsync(ct);
            }
            json.WriteEndArray();
            await json.FlushAsync(ct);
        }

        private string ScenarioTitle(string moduleId, string scenarioId) =>
            $"{Title(moduleId)}: {catalog.Find(moduleId)?.FindSection(scenarioId)?.Title ?? scenarioId}";

        private string Title(string moduleId) => catalog.Find(moduleId)?.Title ?? moduleId;

        private static string ModuleActivity(string baseUrl, string moduleId) => $"{baseUrl}/modules/{Uri.EscapeDataString(moduleId)}";

        private static void Score(Utf8JsonWriter result, int percent)
        {
            result.WriteStartObject("score");
            result.WriteNumber("scaled", Math.Round(percent / 100m, 2));
            result.WriteNumber("raw", percent);
            result.WriteNumber("min", 0);
            result.WriteNumber("max", 100);
            result.WriteEndObject();
        }

        private static void Statement(Utf8JsonWriter json, Guid id, Guid userId, string verb, string verbName, string activity, string name, string type,
            string version, DateTime at, string baseUrl, Action<Utf8JsonWriter> result)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartObject("actor");
            json.WriteString("objectType", "Agent");
            json.WriteStartObject("account");
            json.WriteString("homePage", baseUrl);
            json.WriteString("name", userId.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("verb");
            json.WriteString("id", verb);
            json.WriteStartObject("display");
            json.WriteString("en-GB", verbName);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("object");
            json.WriteString("objectType", "Activity");
            json.WriteString("id", activity);
            json.WriteStartObject("definition");
            json.WriteStartObject("name");
            json.WriteString("en-GB", name);
            json.WriteEndObject();
            json.WriteString("type", type);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("result");
            result(json);
            json.WriteEndObject();
            json.WriteStartObject("context");
            json.WriteStartObject("extensions");
            json.WriteString($"{baseUrl}/xapi/extensions/module-version", version);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("timestamp", DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("version", "1.0.3");
            json.WriteEndObject();
        }
    }

    // Streamed with no Content-Length, so a large export is never held in memory.
    private sealed class StatementsResult(Handler handler, ReportScope scope, ReportFilter filter, string baseUrl) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.ContentDisposition = "attachment; filename=\"xapi-statements.json\"";
            await handler.WriteAsync(response.Body, scope, filter, baseUrl, context.HttpContext.RequestAborted);
        }
    }
}
