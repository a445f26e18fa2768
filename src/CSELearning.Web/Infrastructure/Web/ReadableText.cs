using System.Text;
using System.Text.Json;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Refuses a form or JSON body whose text is not UTF-8, or holds a null character, before anything reads it.
/// Read later, invalid bytes would be decoded quietly as U+FFFD and stored, and a null would reach the database
/// (PostgreSQL refuses it outright). The refusal is a 400 page that says which field and why, or, for a script
/// that asks for JSON, <c>{ "message": ... }</c>. A file in a multipart form is the concern of whatever reads it.
/// </summary>
public static class ReadableText
{
    private const string ProblemKey = "ReadableText.Problem";

    public static IApplicationBuilder UseReadableText(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The error page re-executed for the refusal must not judge the same body again.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await ProblemAsync(context.Request, context.RequestAborted) is { } problem)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
                {
                    await context.Response.WriteAsJsonAsync(new { message = problem }, context.RequestAborted);
                    return;
                }
                context.Items[ProblemKey] = problem;
                return;
            }
            await next(context);
        });

    /// <summary>The message for the error page when this request's text was refused.</summary>
    public static string? ProblemOf(HttpContext context) => context.Items.TryGetValue(ProblemKey, out var problem) ? problem as string : null;

    private static async Task<string?> ProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return null;
        var urlEncoded = type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        var multipart = type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var json = type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        if (!urlEncoded && !multipart && !json) return null;

        // Buffered, as form reading buffers it, so the rest of the pipeline reads the same bytes from the start.
        request.EnableBuffering();
        try
        {
            if (urlEncoded) return await UrlEncodedProblemAsync(request.Body, cancellationToken);
            if (multipart) return await MultipartProblemAsync(request.Body, HeaderUtilities.RemoveQuotes(type.Boundary).Value, cancellationToken);
            return await JsonProblemAsync(request.Body, cancellationToken);
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<string?> UrlEncodedProblemAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(body, cancellationToken);
        foreach (var pair in Split(bytes, (byte)'&'))
        {
            var equals = pair.Span.IndexOf((byte)'=');
            var name = PercentDecode(equals < 0 ? pair.Span : pair.Span[..equals]);
            var value = equals < 0 ? [] : PercentDecode(pair.Span[(equals + 1)..]);
            var field = Encoding.UTF8.GetString(name);
            if (Problem(name, "A field's name") is { } nameProblem) return nameProblem;
            if (Problem(value, $"The field \u201c{field}\u201d") is { } valueProblem) return valueProblem;
        }
        return null;
    }

    private static async Task<string?> MultipartProblemAsync(Stream body, string? boundary, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(boundary)) return null;
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.IsFileDisposition()) continue;
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (Problem(await ReadAllAsync(section.Body, cancellationToken), $"The field \u201c{field}\u201d") is { } problem) return problem;
            }
        }
        catch (IOException)
        {
            // A malformed multipart body is form reading's to refuse, as it always has.
        }
        return null;
    }

    private static async Task<string?> JsonProblemAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(body, cancellationToken);
        if (Problem(bytes, "The text sent") is { } problem) return problem;
        // A null written as an escape is a null all the same once the JSON is read.
        try
        {
            var reader = new Utf8JsonReader(bytes);
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) continue;
                var text = reader.GetString() ?? "";
                if (text.Contains('\0', StringComparison.Ordinal)) return NullMessage("The text sent", text);
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the reader's to refuse; so is an escaped lone surrogate, which the text rule names.
        }
        catch (InvalidOperationException)
        {
        }
        return null;
    }

    private static string? Problem(ReadOnlySpan<byte> bytes, string what)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            return $"{what} could not be read as text: it is not in the UTF-8 encoding, so nothing was saved. Go back, retype any characters that look wrong, and send it again.";
        if (bytes.IndexOf((byte)0) >= 0) return NullMessage(what, Encoding.UTF8.GetString(bytes));
        return null;
    }

    private static string NullMessage(string what, string text)
    {
        var at = text.IndexOf('\0', StringComparison.Ordinal);
        var position = text[..at].EnumerateRunes().Count() + 1;
        return $"{what} contains the control character {TextInput.Describe(new Rune(0))} at character {position}, so nothing was saved. Go back, remove it, and send it again.";
    }

    private static byte[] PercentDecode(ReadOnlySpan<byte> encoded)
    {
        var decoded = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+') b = (byte)' ';
            else if (b == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                b = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }
            decoded[length++] = b;
        }
        return decoded[..length];

        static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
        static int Hex(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Split(byte[] bytes, byte separator)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != separator) continue;
            if (i > start) yield return bytes.AsMemory(start, i - start);
            start = i + 1;
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
