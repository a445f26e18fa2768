using CSELearning.Web.Content;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Commands;

/// <summary>
/// <c>dotnet CSELearning.Web.dll validate-content [--content &lt;dir&gt;]</c>: the start-up checks, without a
/// database or a web server. Prints each problem as <c>path:line: message</c> and a summary; exit code 0 when
/// the content is clean, 1 when it is not.
/// </summary>
public static class ValidateContentCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--content"] = $"{ContentOptions.Section}:{nameof(ContentOptions.Directory)}" });
        builder.AddContent(checkOnStart: false);
        using var host = builder.Build();
        var directory = host.Services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory!;

        var result = ContentLoader.LoadDirectory(directory);
        foreach (var problem in result.Problems) output.WriteLine(problem);
        output.WriteLine(result.IsValid
            ? $"{Modules(result.Modules.Count)}{Pages(result.Pages)} in {directory}: no problems."
            : $"{ContentValidationException.Count(result.Problems.Count)} in {directory}.");
        return result.IsValid ? 0 : 1;
    }

    private static string Modules(int count) => count == 1 ? "1 module" : $"{count} modules";

    private static string Pages(IReadOnlyList<SitePage> pages) => pages.Count == 0 ? "" : " and " + string.Join(" and ", pages.Select(p => p.Id + ".md"));
}
