namespace CSELearning.Web.Content;

// Something wrong in the content, at a 1-based line of a file relative to the content directory
// (line 0 when the problem is with a file or folder as a whole).
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}

// Start-up refuses content with problems; the message lists every one as file:line: message.
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(string directory, IReadOnlyList<ContentProblem> problems)
        : base(Describe(directory, problems))
    {
        Directory = directory;
        Problems = problems;
    }

    public ContentValidationException() : this("", []) { }

    public ContentValidationException(string message) : base(message)
    {
        Directory = "";
        Problems = [];
    }

    public ContentValidationException(string message, Exception innerException) : base(message, innerException)
    {
        Directory = "";
        Problems = [];
    }

    public string Directory { get; }
    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string Describe(string directory, IReadOnlyList<ContentProblem> problems) =>
        $"The learning content in {directory} has {Count(problems.Count)}:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p));

    internal static string Count(int problems) => problems == 1 ? "1 problem" : $"{problems} problems";
}
