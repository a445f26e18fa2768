using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Modules;

// Served from the HTML the catalog rendered at start-up.
public static class Read
{
    public sealed record Model(ContentModule Module, ModuleSection Section, int Number, int Count, Link Previous, Link Next);

    public sealed record Link(string Url, string Title);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records)
    {
        // Null for an unknown module or section, and for sections that are not pages or reflections.
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module || module.FindSection(sectionId) is not ({ } section and (ContentPage or Reflection))) return null;

            if (await records.ActiveAsync(principal.UserId(), module, cancellationToken) is { } active)
                await records.NoteVisitAsync(active, section.Id, cancellationToken);

            return new Model(module, section, ModuleSections.Number(module, section), module.Sections.Count,
                ModuleSections.Previous(module, section), ModuleSections.Next(module, section));
        }
    }
}
