using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Refuses an oversized body with 413 before anything reads it, so the person gets the page that says why;
/// read later, in the antiforgery check or form binding, it would surface as a plain bad request.
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The error page re-executed for a 413 must not judge the same body again.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await IsTooLargeAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(context);
        });

    private static async Task<bool> IsTooLargeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is { } length) return length > SiteOptions.MaxRequestBytes;
        if (!HasBody(context)) return false;

        // Buffered as form reading buffers it (in memory, then a temporary file), so the rest of the pipeline
        // reads the same bytes again from the start.
        request.EnableBuffering();
        var chunk = new byte[16 * 1024];
        long read = 0;
        try
        {
            int count;
            while ((count = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                read += count;
                // Kestrel stops at the same limit (MaxRequestBodySize); a server without one stops here.
                if (read > SiteOptions.MaxRequestBytes) return true;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return true;
        }
        request.Body.Position = 0;
        return false;
    }

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>() is { } detection
            ? detection.CanHaveBody
            : context.Request.Headers.TransferEncoding.Count > 0;
}
