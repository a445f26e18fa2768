using System.Net;
using System.Text.Json;
using CSELearning.Web.Domain;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Writes health as JSON. Anyone may ask whether the site is healthy (an orchestrator's probe signs in as nobody),
/// but which checks it runs and their figures (such as the size of SQLite's write-ahead log) are told only to a
/// signed-in administrator or a caller on this machine. Exception details are never written.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = MayReadDetail(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    // Behind a reverse proxy on the same machine every caller is local unless Security:TrustForwardedHeaders
    // gives the site the real address (see README).
    private static bool MayReadDetail(HttpContext context) =>
        context.User.IsInRole(Roles.Administrator)
        || context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
