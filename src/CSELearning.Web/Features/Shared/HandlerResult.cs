using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Shared;

// What a use case came to, in the few shapes a page can take. HandlerResults.Respond turns any
// of them into the response, so a controller action calls its handler and names its view, nothing more.
public abstract record HandlerResult;

// Nothing there that the person may see: 404, exactly as for an id that does not exist.
public sealed record NotFound : HandlerResult;

// The person may see it, but this is not theirs to do: 403.
public sealed record Forbidden : HandlerResult;

// The page: 200 when it is simply shown; 400 (bad input) or 409 (out of date) when a post changed nothing
// and the page comes back saying why.
public sealed record Page<TModel>(TModel Model, int StatusCode = StatusCodes.Status200OK) : HandlerResult, IPage
{
    object? IPage.Model => Model;
}

// It worked: on to Url (post, redirect, get), with a confirmation shown there when there is one.
public record Done(string Url, string? Confirmation = null) : HandlerResult;

// Not yet: something else comes first (start the module, finish the earlier record), so on to Url with a notice saying so.
public sealed record NotYet(string Url, string Notice) : HandlerResult;

// Lets the response read any Page{TModel} without knowing its model's type.
internal interface IPage
{
    object? Model { get; }

    int StatusCode { get; }
}

public static class HandlerResults
{
    // The response to result; view is the page a Page{TModel} shows.
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
