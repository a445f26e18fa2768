using System.Globalization;
using System.Security.Claims;
using System.Text;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Features.Supervision;

// A supervision session as an iCalendar (RFC 5545) event, for either person on the record: the next session
// when the record sets one, otherwise the session it records. It carries the date and a link, never the notes.
public static class Calendar
{
    public sealed record File(byte[] Bytes, string FileName);

    public sealed class Handler(RecordAccess access, IOptions<SiteOptions> site, IHttpContextAccessor http)
    {
        public async Task<File?> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, _)) return null;
            var next = record.NextSessionDate is not null;
            var day = record.NextSessionDate ?? record.SessionDate;
            var root = site.Value.PublicBaseUrl?.TrimEnd('/');
            if (string.IsNullOrEmpty(root))
            {
                var request = http.HttpContext!.Request;
                root = $"{request.Scheme}://{request.Host}{request.PathBase}";
            }
            var host = new Uri(root).Host;
            var link = $"{root}/supervision/records/{record.Id:D}";

            var ics = new Ics();
            ics.Line("BEGIN", "VCALENDAR");
            ics.Line("VERSION", "2.0");
            ics.Line("PRODID", "-//CSELearning//Supervision//EN");
            ics.Line("CALSCALE", "GREGORIAN");
            ics.Line("METHOD", "PUBLISH");
            ics.Line("BEGIN", "VEVENT");
            ics.Line("UID", $"{record.Id:D}-{(next ? "next" : "session")}@{host}");
            ics.Line("DTSTAMP", access.Now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            // A whole-day event: the record holds the day, not the time, of the session.
            ics.Line("DTSTART;VALUE=DATE", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            ics.Line("DTEND;VALUE=DATE", day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            ics.Line("SUMMARY", Ics.Escape(next ? "Next supervision session" : "Supervision session"));
            ics.Line("DESCRIPTION", Ics.Escape($"The supervision record, for the two of you only, is on CSELearning:\n{link}"));
            ics.Line("URL;VALUE=URI", link);
            ics.Line("CLASS", "PRIVATE");
            ics.Line("TRANSP", "TRANSPARENT");
            ics.Line("END", "VEVENT");
            ics.Line("END", "VCALENDAR");
            return new File(ics.Bytes(), $"supervision-{day:yyyy-MM-dd}.ics");
        }
    }
}

/// <summary>Writes iCalendar content lines: CRLF endings, folded at 75 octets without splitting a character.</summary>
public sealed class Ics
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    public void Line(string name, string value)
    {
        var line = name + ":" + value;
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                // A fold is CRLF and one space; the space counts towards the next line's 75.
                _text.Append("\r\n ");
                octets = 1;
            }
            _text.Append(rune.ToString());
            octets += size;
        }
        _text.Append("\r\n");
    }

    // TEXT values escape backslash, semicolon and comma, and write a line break as \n (RFC 5545 3.3.11).
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    public byte[] Bytes() => Encoding.UTF8.GetBytes(_text.ToString());

    public override string ToString() => _text.ToString();
}
