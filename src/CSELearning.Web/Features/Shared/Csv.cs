using System.Text;

namespace CSELearning.Web.Features.Shared;

// RFC 4180, with a byte-order mark so Excel reads accents. A cell beginning with =, +, -, @, a tab or a carriage
// return gets an apostrophe so a spreadsheet shows it as text, not a formula (OWASP's advice on CSV injection).
public static class Csv
{
    public static string Cell(string? value, bool quoted = false)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return quoted || text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    public static string Row(bool quoted, params string?[] cells) => string.Join(',', cells.Select(c => Cell(c, quoted))) + "\r\n";

    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(Row(quoted: false, [.. row]));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
