using CSELearning.Web.Content;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

public static class ModuleSections
{
    public static string StartUrl(ContentModule module) => $"/modules/{module.Id}";

    public static string Url(ContentModule module, ModuleSection section) => $"/modules/{module.Id}/{section.Id}";

    public static string CompletionUrl(ContentModule module) => $"/modules/{module.Id}/completion";

    // The learner has not started the module (or must start it again): to its start page, saying so.
    public static NotYet StartFirst(ContentModule module) => new(StartUrl(module), "Start the module to take part: your progress is saved as you go.");

    public static string Kind(ModuleSection section) => section switch
    {
        ContentPage => "Page",
        Scenario => "Scenario",
        KnowledgeCheck => "Knowledge check",
        Reflection => "Reflection",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public static int Number(ContentModule module, ModuleSection section) => IndexOf(module, section) + 1;

    public static Read.Link Next(ContentModule module, ModuleSection section)
    {
        var index = IndexOf(module, section);
        return index + 1 < module.Sections.Count
            ? new Read.Link(Url(module, module.Sections[index + 1]), module.Sections[index + 1].Title)
            : new Read.Link(CompletionUrl(module), "Finish the module");
    }

    public static Read.Link Previous(ContentModule module, ModuleSection section)
    {
        var index = IndexOf(module, section);
        return index > 0
            ? new Read.Link(Url(module, module.Sections[index - 1]), module.Sections[index - 1].Title)
            : new Read.Link(StartUrl(module), "Start of the module");
    }

    public static string ContinueUrl(ContentModule module, Domain.Learning.ModuleProgress progress) =>
        progress.LastSectionId is { } last && module.FindSection(last) is { } section
            ? Url(module, section)
            : module.Sections.Count > 0 ? Url(module, module.Sections[0]) : CompletionUrl(module);

    private static int IndexOf(ContentModule module, ModuleSection section)
    {
        for (var i = 0; i < module.Sections.Count; i++)
            if (ReferenceEquals(module.Sections[i], section)) return i;
        throw new ArgumentException("The section is not in the module.", nameof(section));
    }
}
