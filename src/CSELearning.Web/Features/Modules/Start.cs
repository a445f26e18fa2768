using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Modules;

public static class Start
{
    public sealed record Model(ContentModule Module, ModuleStatus Status, bool Overtaken, string? ContinueUrl, IReadOnlyList<SectionEntry> Sections);

    public sealed record SectionEntry(ModuleSection Section, string Kind, string Url, string? Progress);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, string id, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module) return null;
            var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
            var working = status.Working;
            var done = working is null ? null : await records.SectionsAsync(working, cancellationToken);
            var sections = module.Sections
                .Select(s => new SectionEntry(s, ModuleSections.Kind(s), ModuleSections.Url(module, s), done is null ? null : ProgressOf(s, done)))
                .ToList();
            return new Model(module, status, status.HasOvertakenProgress(module),
                status.Active is { } active ? ModuleSections.ContinueUrl(module, active) : null, sections);
        }

        private static string? ProgressOf(ModuleSection section, SectionRecords done) => section switch
        {
            Scenario scenario => done.EndingReached(scenario) ? "Ending reached"
                : done.Positions.ContainsKey(scenario.Id) ? "In progress" : "Not started",
            KnowledgeCheck check => done.Passed(check) ? "Passed"
                : done.AttemptsAt(check).Count is var tries and > 0 ? $"Not passed yet ({tries} {(tries == 1 ? "attempt" : "attempts")})"
                : "Not started",
            _ => null,
        };
    }
}
