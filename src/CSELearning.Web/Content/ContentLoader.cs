using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CSELearning.Web.Content;

// What loading the content gave: the modules, rendered, when there are no problems.
public sealed record ContentLoadResult(IReadOnlyList<ContentModule> Modules, IReadOnlyList<ContentProblem> Problems)
{
    // The site pages found (glossary, support, law), rendered, when there are no problems.
    public IReadOnlyList<SitePage> Pages { get; init; } = [];

    public bool IsValid => Problems.Count == 0;
}

// Reads modules/<slug>/*.md from the content directory, then parses, validates and renders it.
public static class ContentLoader
{
    public const string ModulesFolder = "modules";

    public static ContentLoadResult LoadDirectory(string directory)
    {
        var modules = Path.Combine(directory, ModulesFolder);
        if (!Directory.Exists(modules))
            return new([], [new(ModulesFolder, 0, $"there is no '{ModulesFolder}' folder in {directory}: is this the content directory?")]);

        var problems = new List<ContentProblem>();
        var files = Directory.EnumerateFiles(modules, "*.md", SearchOption.AllDirectories)
            .Concat(SitePage.Ids.Select(id => Path.Combine(directory, id + ".md")).Where(File.Exists))
            .Select(path => Read(Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(path), problems))
            .ToList();
        return Load(files, problems);
    }

    // A file's text, which must be UTF-8 (with or without a byte-order mark). A file that is not is a problem
    // at the line of its first bad byte, not text quietly changed to replacement characters.
    internal static SourceFile Read(string path, byte[] bytes, List<ContentProblem> problems)
    {
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        if (Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var line = 1 + bytes.AsSpan(0, read).Count((byte)'\n');
            problems.Add(new(path, line, "the file is not UTF-8 text: this line has bytes that are not valid UTF-8 (a word processor's or another encoding's characters): save the file as UTF-8 in a text editor"));
        }
        return new SourceFile(path, Encoding.UTF8.GetString(bytes));
    }

    // Loads files given with paths relative to the content directory: modules ("modules/slug/module.md") and
    // site pages ("glossary.md", "support.md", "law.md"), each optional.
    public static ContentLoadResult Load(IEnumerable<SourceFile> files) => Load(files, []);

    private static ContentLoadResult Load(IEnumerable<SourceFile> files, List<ContentProblem> problems)
    {
        var bySlug = new SortedDictionary<string, List<SourceFile>>(StringComparer.Ordinal);
        var parser = new ModuleParser(problems);
        var pages = new List<SitePage>();
        foreach (var file in files)
        {
            if (SitePage.Ids.FirstOrDefault(id => file.Path == id + ".md") is { } pageId)
            {
                if (parser.ParseSitePage(pageId, Prepare(file, problems)) is { } page) pages.Add(page);
                continue;
            }
            var parts = file.Path.Split('/');
            if (parts.Length < 3 || parts[0] != ModulesFolder || !file.Path.EndsWith(".md", StringComparison.Ordinal)) continue;
            if (parts.Length > 3)
            {
                problems.Add(new(file.Path, 0, $"files in folders inside a module are not read: move it into {ModulesFolder}/{parts[1]}/"));
                continue;
            }
            if (!bySlug.TryGetValue(parts[1], out var list)) bySlug[parts[1]] = list = [];
            list.Add(Prepare(file, problems));
        }
        if (bySlug.Count == 0 && problems.Count == 0)
            problems.Add(new(ModulesFolder, 0, $"there are no modules: add a folder {ModulesFolder}/<module>/ with a module.md"));

        var parsed = bySlug.Select(m => parser.Parse(m.Key, m.Value)).OfType<ParsedModule>().ToList();
        ContentValidator.Validate(parsed, problems);
        foreach (var page in pages) ContentValidator.Validate(page, problems);
        if (problems.Count > 0)
            return new([], problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToList());

        foreach (var module in parsed) ContentRenderer.Render(module, problems);
        foreach (var page in pages) ContentRenderer.Render(page, problems);
        if (problems.Count > 0) return new([], problems);
        return new(parsed.Select(m => m.Module).ToList(), []) { Pages = pages };
    }

    private static SourceFile Prepare(SourceFile file, List<ContentProblem> problems) =>
        ContentLimits.Check(file with { Text = Normalise(file.Text) }, problems);

    // One form of the same text on every machine: no byte-order mark, "\n" line endings.
    private static string Normalise(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
