using System.Diagnostics;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too, whose token may be the very thing that failed
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("")]
    public IActionResult ServerError()
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null) LogFailure(logger, correlationId, failure.Error.GetType().Name);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorPage(500, correlationId));
    }

    [Route("{statusCode:int}")]
    public IActionResult Status()
    {
        // The status comes from the re-executed response, not the address (binding the route value would read
        // the failed request's form): a direct visit to /error/500 is just an unknown page.
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode is { } original and >= 400 and <= 599
            ? original
            : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier, ReadableText.ProblemOf(HttpContext)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {ExceptionType}; correlation id {CorrelationId}")]
    private static partial void LogFailure(ILogger logger, string correlationId, string exceptionType);
}

// Problem: what was wrong with the request, when the site knows (text it could not read), in place of the general explanation.
public sealed record ErrorPage(int StatusCode, string CorrelationId, string? Problem = null)
{
    public string Title => Problem is not null ? "The text you sent could not be used" : StatusCode switch
    {
        400 => "Something was wrong with that request",
        403 => "You do not have access to this page",
        404 => "Page not found",
        405 => "That action is not allowed here",
        413 => "That was too large to send",
        429 => "Too many attempts",
        _ => StatusCode >= 500 ? "Sorry, there is a problem with the service" : "Something went wrong",
    };

    public string Explanation => Problem ?? StatusCode switch
    {
        400 => "The page may have been open for too long, or the form was sent twice. Go back, refresh the page and try again.",
        403 => "Your account does not have permission to see this page. If you think it should, speak to your administrator.",
        404 => "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.",
        405 => "Go back and use the buttons and links on the page.",
        413 => "Send a smaller file or less text.",
        429 => "You have tried too many times in a short while. Wait a minute, then try again.",
        _ => StatusCode >= 500 ? "Try again later." : "Go back and try again.",
    };
}
