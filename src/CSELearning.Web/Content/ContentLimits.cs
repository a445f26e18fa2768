namespace CSELearning.Web.Content;

// Limits on a line that no written module comes near, checked before any markdown or YAML is read. Past them
// the readers slow down steeply (a long line of unclosed links) or give up with an exception (brackets,
// quotes or lists nested hundreds deep), so such a line is a problem at its own line and is left out of the
// reading instead.
internal static class ContentLimits
{
    public const int MaxLineLength = 10_000;
    public const int MaxNesting = 32;
    public const int MaxIndent = 100;

    // The file with every line past a limit blanked (so line numbers hold), and a problem for each.
    public static SourceFile Check(SourceFile file, List<ContentProblem> problems)
    {
        var lines = file.Text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Problem(lines[i]) is not { } problem) continue;
            problems.Add(new(file.Path, i + 1, problem));
            lines[i] = "";
            changed = true;
        }
        return changed ? file with { Text = string.Join('\n', lines) } : file;
    }

    private static string? Problem(string line)
    {
        if (line.Length > MaxLineLength)
            return $"the line is {line.Length:N0} characters long: lines can be at most {MaxLineLength:N0}; break it into shorter lines or paragraphs";
        var indent = line.Length - line.TrimStart(' ', '\t').Length;
        if (indent > MaxIndent)
            return $"the line is indented by {indent} spaces: at most {MaxIndent}; lists and quotes nest a few levels at most";
        if (PrefixNesting(line) > MaxNesting || BracketNesting(line) > MaxNesting)
            return $"the line nests lists, quotes or brackets more than {MaxNesting} deep: markdown this deep cannot be read; take some of the nesting out";
        return null;
    }

    // How many quote and list markers open the line ("> > - 1. text" is four).
    private static int PrefixNesting(string line)
    {
        var markers = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t') { i++; continue; }
            if (c == '>' || (c is '-' or '*' or '+' && SpaceAt(i + 1))) { markers++; i++; continue; }
            var digits = i;
            while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
            if (digits > i && digits < line.Length && line[digits] is '.' or ')' && SpaceAt(digits + 1)) { markers++; i = digits + 1; continue; }
            break;
        }
        return markers;

        // A list marker is followed by a space (or ends the line); "---" is a rule, not three lists.
        bool SpaceAt(int at) => at >= line.Length || line[at] is ' ' or '\t';
    }

    // The deepest that brackets, braces and parentheses nest on the line.
    private static int BracketNesting(string line)
    {
        int depth = 0, deepest = 0;
        foreach (var c in line)
        {
            if (c is '[' or '{' or '(') deepest = Math.Max(deepest, ++depth);
            else if (c is ']' or '}' or ')') depth = Math.Max(0, depth - 1);
        }
        return deepest;
    }
}
