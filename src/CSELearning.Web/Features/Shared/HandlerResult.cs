using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Features.Shared;

/// <summary>
/// What a use case came to, in the few shapes a page can take. <see cref="HandlerResults.Respond"/> turns any
/// of them into the response, so a controller action calls its handler and names its view, nothing more.
/// </summary>
public abstract record HandlerResult;

/// <summary>Nothing there that the person may see: 404, exactly as for an id that does not exist.</summary>
public sealed record NotFound : HandlerResult;

/// <summary>The person may see it, but this is not theirs to do: 403.</summary>
public sealed record Forbidden : HandlerResult;

/// <summary>
/// The page: 200 when it is simply shown; 400 (bad input) or 409 (out of date) when a post changed nothing
/// and the page comes back saying why.
/// </summary>
public sealed record Page<TModel>(TModel Model, int StatusCode = StatusCodes.Status200OK) : HandlerResult, IPage
{
    object? IPage.Model => Model;
}

/// <summary>It worked: on to <paramref name="Url"/> (post, redirect, get), with a confirmation shown there when there is one.</summary>
public record Done(string Url, string? Confirmation = null) : HandlerResult;

/// <summary>Not yet: something else comes first (start the module, finish the earlier record), so on to <paramref name="Url"/> with a notice saying so.</summary>
public sealed record NotYet(string Url, string Notice) : HandlerResult;

/// <summary>Lets the response read any <see cref="Page{TModel}"/> without knowing its model's type.</summary>
internal interface IPage
{
    object? Model { get; }

    int StatusCode { get; }
}

public static class HandlerResults
{
    /// <summary>The response to <paramref name="result"/>; <paramref name="view"/> is the page a <see cref="Page{TModel}"/> shows.</summary>
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
