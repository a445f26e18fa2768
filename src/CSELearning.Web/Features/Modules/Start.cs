using CSELearning.Web.Content;

namespace CSELearning.Web.Features.Modules;

/// <summary>A module's start page: what it covers, what it may stir up, where to find support, and its pages.</summary>
public static class Start
{
    /// <param name="Pages">Only teaching pages for now: scenarios, checks and reflections need the learner's records.</param>
    public sealed record Model(ContentModule Module, IReadOnlyList<ContentPage> Pages);

    public sealed class Handler(ContentCatalog catalog)
    {
        public Model? Handle(string id) =>
            catalog.Find(id) is { } module ? new Model(module, module.SectionsOf<ContentPage>().ToList()) : null;
    }
}
