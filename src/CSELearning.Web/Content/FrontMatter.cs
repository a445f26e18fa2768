using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CSELearning.Web.Content;

// A markdown file's text, its path relative to the content directory (with '/') and line endings as "\n".
public sealed record SourceFile(string Path, string Text);

// Reads a YAML mapping field by field, recording a problem with the field's own line for anything missing or
// malformed, so an author is sent to the line to fix rather than to the top of the file.
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly List<ContentProblem> _problems;

    private YamlFields(YamlMappingNode node, string path, int lineOffset, List<ContentProblem> problems)
    {
        _node = node;
        _path = path;
        _lineOffset = lineOffset;
        _problems = problems;
    }

    public int Line => LineOf(_node);

    public string Path => _path;

    // The front matter between the "---" lines that open a file, or null (with a problem) when it is missing,
    // unclosed or not a YAML mapping.
    public static YamlFields? ReadFrontMatter(SourceFile file, List<ContentProblem> problems)
    {
        var lines = file.Text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            problems.Add(new(file.Path, 1, "the file must start with front matter: a line '---', fields such as 'title: ...', then another '---'"));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            problems.Add(new(file.Path, 1, "the front matter is not closed: end it with a line '---'"));
            return null;
        }
        // The YAML's first line is the file's second line.
        return Parse(string.Join('\n', lines[1..close]), file.Path, 1, problems, close + 1);
    }

    private static YamlFields? Parse(string yaml, string path, int lineOffset, List<ContentProblem> problems, int closingLine)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Min(ex.Start.Line + lineOffset, closingLine);
            problems.Add(new(path, line, $"the front matter is not valid YAML: {Plain(ex)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way, without a position, on some unclosed brackets and quotes.
            problems.Add(new(path, SuspectLine(yaml) + lineOffset, "the front matter is not valid YAML: check this line's brackets and quotes"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new(path, 1 + lineOffset, "the front matter must be a list of fields, one 'name: value' a line"));
            return null;
        }
        return new YamlFields(root, path, lineOffset, problems);
    }

    // The first line with unbalanced brackets or quotes, else the first line.
    private static int SuspectLine(string yaml)
    {
        var lines = yaml.Split('\n');
        var suspect = Array.FindIndex(lines, l =>
            l.Count(c => c == '[') != l.Count(c => c == ']') || l.Count(c => c == '{') != l.Count(c => c == '}') || l.Count(c => c == '"') % 2 == 1);
        return Math.Max(suspect, 0) + 1;
    }

    // YamlDotNet prefixes its messages with the position, which the problem already carries.
    private static string Plain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        return (colon >= 0 && message.StartsWith('(') ? message[(colon + 3)..] : message).TrimEnd('.') + ".";
    }

    public int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    public int LineOfField(string name) =>
        _node.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == name).Key is { } key ? LineOf(key) : Line;

    public void Problem(int line, string message) => _problems.Add(new(_path, line, message));

    // A field not in known is most often a misspelling: say so rather than ignore it.
    public void RejectUnknown(string what, params string[] known)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
                Problem(LineOf(key), $"{what} has an unknown field '{name}' (the fields are: {string.Join(", ", known)})");
        }
    }

    private YamlNode? Node(string name) =>
        _node.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == name).Value;

    public bool Has(string name) => Node(name) is not null;

    // A text field; a missing or empty required field is a problem that names it.
    public string? Text(string name, string what, bool required = true, string? why = null)
    {
        switch (Node(name))
        {
            case null:
                if (required) Problem(Line, $"{what} has no '{name}'{(why is null ? "" : ": " + why)}");
                return null;
            case YamlScalarNode scalar:
                var value = scalar.Value?.Trim();
                if (string.IsNullOrEmpty(value))
                {
                    if (required) Problem(LineOf(scalar), $"'{name}' is empty{(why is null ? "" : ": " + why)}");
                    return null;
                }
                return value;
            case var other:
                Problem(LineOf(other), $"'{name}' must be text, not a list or a group of fields");
                return null;
        }
    }

    public int? Integer(string name, string what, int min, int max)
    {
        var text = Text(name, what);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Problem(LineOfField(name), $"'{name}' must be a whole number from {min} to {max}, not '{text}'");
        return null;
    }

    // true or false, as YAML writes them.
    public bool? Boolean(string name, string what)
    {
        var text = Text(name, what);
        if (text is null) return null;
        if (text is "true" or "false") return text == "true";
        Problem(LineOfField(name), $"'{name}' must be true or false, not '{text}'");
        return null;
    }

    public decimal? Number(string name, string what, decimal min, decimal max)
    {
        var text = Text(name, what);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Problem(LineOfField(name), $"'{name}' must be a number from {min} to {max}, not '{text}'");
        return null;
    }

    public DateOnly? Date(string name, string what)
    {
        var text = Text(name, what);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return value;
        Problem(LineOfField(name), $"'{name}' must be a date written year-month-day, like 2027-03-31, not '{text}'");
        return null;
    }

    // A list of text items with their lines; a missing or empty list is a problem.
    public IReadOnlyList<(string Value, int Line)>? TextList(string name, string what)
    {
        if (Sequence(name, what) is not { } sequence) return null;
        var items = new List<(string, int)>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                items.Add((value.Trim(), LineOf(item)));
            else
                Problem(LineOf(item), $"each item of '{name}' must be text");
        }
        return items;
    }

    // A list of groups of fields (references, changes).
    public IReadOnlyList<YamlFields>? FieldsList(string name, string what)
    {
        if (Sequence(name, what) is not { } sequence) return null;
        var items = new List<YamlFields>();
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
                items.Add(new YamlFields(mapping, _path, _lineOffset, _problems));
            else
                Problem(LineOf(item), $"each item of '{name}' must be a group of fields ('- key: ...' then the others indented below it)");
        }
        return items;
    }

    private YamlSequenceNode? Sequence(string name, string what)
    {
        switch (Node(name))
        {
            case null:
                Problem(Line, $"{what} has no '{name}'");
                return null;
            case YamlSequenceNode { Children.Count: > 0 } sequence:
                return sequence;
            case YamlSequenceNode empty:
                Problem(LineOf(empty), $"'{name}' is empty");
                return null;
            case var other:
                Problem(LineOf(other), $"'{name}' must be a list, one '- item' a line");
                return null;
        }
    }
}
