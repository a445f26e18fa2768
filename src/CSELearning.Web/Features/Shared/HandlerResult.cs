using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Shared;

// HandlerResults.Respond turns any of these into the response, so a controller action only names its view.
public abstract record HandlerResult;

// Nothing there that the person may see: 404, exactly as for an id that does not exist.
public sealed record NotFound : HandlerResult;

public sealed record Forbidden : HandlerResult;

public sealed record Page<TModel>(TModel Model, int StatusCode = StatusCodes.Status200OK) : HandlerResult, IPage
{
    object? IPage.Model => Model;
}

public record Done(string Url, string? Confirmation = null) : HandlerResult;

public sealed record NotYet(string Url, string Notice) : HandlerResult;

internal interface IPage
{
    object? Model { get; }

    int StatusCode { get; }
}

public static class HandlerResults
{
    public static IActionResult Respond(this Controller controller, HandlerResult result, string view)
    {
        switch (result)
        {
            case Done done:
                if (done.Confirmation is not null) Flash.Set(controller.TempData, done.Confirmation);
                return controller.Redirect(done.Url);
            case NotYet notYet:
                Flash.SetNotice(controller.TempData, notYet.Notice);
                return controller.Redirect(notYet.Url);
            case IPage page:
                return controller.View(view, page.Model).WithStatus(page.StatusCode);
            case Forbidden:
                return controller.Forbid();
            case NotFound:
                return controller.NotFound();
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result, "A handler result with no response.");
        }
    }
}
