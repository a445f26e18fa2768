using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Infrastructure.Web;

public static class ViewResults
{
    /// <summary>
    /// The page, answered with <paramref name="statusCode"/>: a form that comes back with a problem is 400 (bad
    /// input) or 409 (out of date), not 200, so that clients and tests can tell a refusal from a success.
    /// </summary>
    public static ViewResult WithStatus(this ViewResult view, int statusCode)
    {
        view.StatusCode = statusCode;
        return view;
    }
}
