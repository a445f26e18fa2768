using CSELearning.Web.Data;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSELearning.UnitTests.Conventions;

/// <summary>
/// A use case is a class that nests a Handler. It lives in a file named for it, in the feature folder its
/// namespace names, and has that file to itself: whoever wants to know how something is done opens the file
/// of that name and finds all of it there, and nothing else.
/// </summary>
public class UseCaseFileTests
{
    private const string FeaturesNamespace = "CSELearning.Web.Features";

    private static readonly string Features = Path.Combine(RepositoryRoot(), "src", "CSELearning.Web", "Features");

    [Fact]
    public void Every_use_case_is_in_a_file_named_for_it_in_the_folder_of_its_namespace()
    {
        var declared = UseCasesInSource().ToHashSet();

        var misplaced = UseCasesInAssembly()
            .Select(useCase => (Expected: ExpectedFile(useCase), useCase.Name, useCase.FullName))
            .Where(u => !declared.Contains((u.Expected, u.Name)))
            .Select(u => $"{u.FullName} belongs in Features/{u.Expected}")
            .ToList();

        Assert.NotEmpty(declared);
        Assert.Empty(misplaced);
    }

    [Fact]
    public void No_file_holds_more_than_one_use_case()
    {
        var crowded = UseCasesInSource()
            .GroupBy(u => u.File)
            .Where(file => file.Count() > 1)
            .Select(file => $"Features/{file.Key} holds {string.Join(", ", file.Select(u => u.Name))}")
            .ToList();

        Assert.Empty(crowded);
    }

    /// <summary>The classes whose nested Handler the site registers, as compiled.</summary>
    private static IEnumerable<Type> UseCasesInAssembly() =>
        typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, Name: "Handler", IsNested: true }
                && t.Namespace?.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal) == true)
            .Select(t => t.DeclaringType!)
            .Distinct();

    /// <summary>Each top-level class in a file under Features/ that nests a Handler, with that file's path from Features/.</summary>
    private static IEnumerable<(string File, string Name)> UseCasesInSource() =>
        Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetCompilationUnitRoot()
                .DescendantNodes(node => node is not TypeDeclarationSyntax)
                .OfType<ClassDeclarationSyntax>()
                .Where(c => c.Members.OfType<ClassDeclarationSyntax>().Any(m => m.Identifier.Text == "Handler"))
                .Select(c => (Path.GetRelativePath(Features, path).Replace('\\', '/'), c.Identifier.Text)));

    /// <summary>CSELearning.Web.Features.Administration.Users.Edit belongs in Administration/Users/Edit.cs.</summary>
    private static string ExpectedFile(Type useCase) =>
        string.Join('/', useCase.Namespace![(FeaturesNamespace.Length + 1)..].Split('.')) + $"/{useCase.Name}.cs";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "CSELearning.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No CSELearning.sln above {AppContext.BaseDirectory}.");
    }
}
