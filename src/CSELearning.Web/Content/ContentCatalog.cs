namespace CSELearning.Web.Content;

/// <summary>
/// Every module, parsed and rendered once at start-up and held in memory (a singleton): serving a page reads
/// <see cref="Markup.Html"/> and parses nothing.
/// </summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, ContentModule> _byId;

    public ContentCatalog(IReadOnlyList<ContentModule> modules, string directory)
    {
        Modules = modules;
        Directory = directory;
        _byId = modules.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>In folder-name order.</summary>
    public IReadOnlyList<ContentModule> Modules { get; }

    public string Directory { get; }

    public ContentModule? Find(string moduleId) => _byId.GetValueOrDefault(moduleId);

    /// <summary>Loads the content directory, or throws listing every problem as file:line: message.</summary>
    public static ContentCatalog Load(string directory)
    {
        var result = ContentLoader.LoadDirectory(directory);
        if (!result.IsValid) throw new ContentValidationException(directory, result.Problems);
        return new ContentCatalog(result.Modules, directory);
    }
}
