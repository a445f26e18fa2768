using CSELearning.Web.Content;

namespace CSELearning.Web.Features.Modules;

/// <summary>One teaching page of a module, served from the HTML the catalog rendered at start-up.</summary>
public static class Read
{
    public sealed record Model(ContentModule Module, ContentPage Page, int Number, int Count, ContentPage? Previous, ContentPage? Next);

    public sealed class Handler(ContentCatalog catalog)
    {
        /// <summary>Null for an unknown module or section, and for sections that are not pages.</summary>
        public Model? Handle(string id, string section)
        {
            if (catalog.Find(id) is not { } module) return null;
            var pages = module.SectionsOf<ContentPage>().ToList();
            var index = pages.FindIndex(p => p.Id == section);
            if (index < 0) return null;
            return new Model(module, pages[index], index + 1, pages.Count,
                index > 0 ? pages[index - 1] : null,
                index < pages.Count - 1 ? pages[index + 1] : null);
        }
    }
}
