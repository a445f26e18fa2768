using System.Security.Claims;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>
/// One warning for each request refused because of who sent it or how (ASVS 16.3.2). Never logs the query
/// string or the form, which hold what people typed.
/// </summary>
public static partial class RefusedRequestLog
{
    public const string Anonymous = "anonymous";

    public static void AccessDenied(HttpContext context) => Write(context, "access denied");

    public static void AntiforgeryFailed(HttpContext context) => Write(context, "antiforgery token missing or invalid");

    private static void Write(HttpContext context, string reason)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RefusedRequestLog).FullName!);
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous;
        LogRefused(logger, LogValue.Escape(context.Request.Method), LogValue.Escape(context.Request.Path.Value), LogValue.Escape(user), reason);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused {Method} {Path} for {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string user, string reason);
}

/// <summary>
/// A global filter that sees the antiforgery check's refusal: the check short-circuits the action with its own
/// result, and only a filter that always runs on results is shown it.
/// </summary>
public sealed class LogAntiforgeryFailures : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult) RefusedRequestLog.AntiforgeryFailed(context.HttpContext);
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
