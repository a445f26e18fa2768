namespace CSELearning.Web.Content;

/// <summary>
/// Every module, parsed and rendered once at start-up and held in memory (a singleton): serving a page reads
/// <see cref="Markup.Html"/> and parses nothing.
/// </summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, ContentModule> _byId;

    private readonly Dictionary<string, SitePage> _pages;

    public ContentCatalog(IReadOnlyList<ContentModule> modules, string directory, IReadOnlyList<SitePage>? pages = null)
    {
        Modules = modules;
        Directory = directory;
        _byId = modules.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _pages = (pages ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>A site page (glossary, support), or null when the content has none by that id.</summary>
    public SitePage? Page(string id) => _pages.GetValueOrDefault(id);

    /// <summary>In folder-name order.</summary>
    public IReadOnlyList<ContentModule> Modules { get; }

    public string Directory { get; }

    public ContentModule? Find(string moduleId) => _byId.GetValueOrDefault(moduleId);

    /// <summary>Loads the content directory, or throws listing every problem as file:line: message.</summary>
    public static ContentCatalog Load(string directory)
    {
        var result = ContentLoader.LoadDirectory(directory);
        if (!result.IsValid) throw new ContentValidationException(directory, result.Problems);
        return new ContentCatalog(result.Modules, directory, result.Pages);
    }
}
