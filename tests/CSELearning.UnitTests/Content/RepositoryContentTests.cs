using CSELearning.Web.Content;

namespace CSELearning.UnitTests.Content;

/// <summary>The content that ships: the repository's content/ folder.</summary>
public class RepositoryContentTests
{
    private static string RepositoryContent()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CSELearning.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root."), "content");
    }

    [Fact]
    public void The_content_folder_validates_clean()
    {
        var result = ContentLoader.LoadDirectory(RepositoryContent());

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.NotEmpty(result.Modules);
    }

    [Fact]
    public void Every_module_uses_each_kind_of_section_and_cites_its_sources()
    {
        foreach (var module in ContentCatalog.Load(RepositoryContent()).Modules)
        {
            Assert.False(module.ContentWarning.IsEmpty);
            Assert.False(module.Signposting.IsEmpty);
            Assert.NotEmpty(module.References);
            Assert.NotEmpty(module.SectionsOf<KnowledgeCheck>());
            Assert.All(module.SectionsOf<Scenario>(), s => Assert.Contains(s.Nodes.SelectMany(n => n.Choices), c => c.IsRecommended));
        }
    }

    [Fact]
    public void Without_a_setting_the_repository_content_folder_is_found_from_the_project_folder()
    {
        var project = Path.Combine(Path.GetDirectoryName(RepositoryContent())!, "src", "CSELearning.Web");

        Assert.Equal(RepositoryContent(), ContentOptions.Resolve(null, project));
        Assert.Equal("/srv/content", ContentOptions.Resolve("/srv/content", project));
        Assert.Equal(Path.Combine(project, "my-content"), ContentOptions.Resolve("my-content", project));
    }
}
