namespace CSELearning.Web.Content;

// Every module, parsed and rendered once at start-up and held in memory (a singleton): serving a page reads
// Markup.Html and parses nothing.
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

    // A site page (glossary, support, law), or null when the content has none by that id.
    public SitePage? Page(string id) => _pages.GetValueOrDefault(id);

    // In folder-name order.
    public IReadOnlyList<ContentModule> Modules { get; }

    public string Directory { get; }

    public ContentModule? Find(string moduleId) => _byId.GetValueOrDefault(moduleId);

    // Loads the content directory, or throws listing every problem as file:line: message.
    public static ContentCatalog Load(string directory)
    {
        var result = ContentLoader.LoadDirectory(directory);
        if (!result.IsValid) throw new ContentValidationException(directory, result.Problems);
        return new ContentCatalog(result.Modules, directory, result.Pages);
    }
}
