using System.Text;

namespace CSELearning.Web.Features.Reporting;

/// <summary>
/// CSV as spreadsheets read it (RFC 4180: commas, quotes doubled, CRLF line ends, UTF-8 with a byte-order
/// mark so Excel reads accents). A cell beginning with =, +, -, @, a tab or a carriage return is prefixed
/// with an apostrophe so a spreadsheet shows it as text instead of running it as a formula.
/// </summary>
public static class Csv
{
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim() ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
