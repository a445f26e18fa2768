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

    /// <summary>The modules the platform exists to serve, and whether each is a full core module or the short one for commissioners.</summary>
    public static TheoryData<string, bool> PublishedModules => new()
    {
        { "grooming-and-exploitation", true },
        { "transactional-sex-and-exchange", true },
        { "building-trust", true },
        { "commissioning-support", false },
    };

    [Theory]
    [MemberData(nameof(PublishedModules))]
    public void Each_published_module_meets_the_minimums_so_they_cannot_silently_erode(string id, bool core)
    {
        var module = ContentCatalog.Load(RepositoryContent()).Find(id);
        Assert.True(module is not null, $"The module '{id}' is missing from content/.");

        Assert.True(module.SectionsOf<ContentPage>().Count() >= 2, $"{id}: fewer than two teaching pages");
        Assert.False(module.ContentWarning.IsEmpty);
        Assert.False(module.Signposting.IsEmpty);

        var scenarios = module.SectionsOf<Scenario>().ToList();
        Assert.True(scenarios.Count >= (core ? 2 : 1), $"{id}: {scenarios.Count} scenarios");
        foreach (var scenario in scenarios)
        {
            var decisionPoints = scenario.Nodes.Count(n => !n.IsEnding);
            var endings = scenario.Nodes.Count(n => n.IsEnding);
            Assert.True(decisionPoints >= 4, $"{id}/{scenario.Id}: {decisionPoints} decision points");
            Assert.True(endings >= 3, $"{id}/{scenario.Id}: {endings} endings");
            Assert.True(RecommendedPathLength(scenario) >= 4, $"{id}/{scenario.Id}: following recommended practice meets fewer than four decisions");
            foreach (var choice in scenario.Nodes.SelectMany(n => n.Choices))
                Assert.True(Cites(choice.Feedback), $"{id}/{scenario.Id}: the feedback on '{choice.Text}' cites no source");
        }

        var questions = module.SectionsOf<KnowledgeCheck>().SelectMany(c => c.Questions).ToList();
        Assert.True(questions.Count >= 10, $"{id}: {questions.Count} questions");
        Assert.All(questions.SelectMany(q => q.Options), o => Assert.False(o.Explanation.IsEmpty));
        Assert.NotEmpty(module.SectionsOf<Reflection>().SelectMany(r => r.Prompts));
        Assert.NotEmpty(module.References);
    }

    /// <summary>How many decisions a learner who always takes the recommended choice makes before an ending.</summary>
    private static int RecommendedPathLength(Scenario scenario)
    {
        var node = scenario.Start;
        var decisions = 0;
        while (node is { IsEnding: false } && decisions <= scenario.Nodes.Count)
        {
            var recommended = node.Choices.FirstOrDefault(c => c.IsRecommended);
            if (recommended is null) return decisions;
            decisions++;
            node = scenario.FindNode(recommended.Target);
        }
        return node is { IsEnding: true } ? decisions : 0;
    }

    private static bool Cites(Markup markup) => markup.Html.Value?.Contains("href=\"#ref-", StringComparison.Ordinal) == true;

    [Fact]
    public void Without_a_setting_the_repository_content_folder_is_found_from_the_project_folder()
    {
        var project = Path.Combine(Path.GetDirectoryName(RepositoryContent())!, "src", "CSELearning.Web");

        Assert.Equal(RepositoryContent(), ContentOptions.Resolve(null, project));
        Assert.Equal("/srv/content", ContentOptions.Resolve("/srv/content", project));
        Assert.Equal(Path.Combine(project, "my-content"), ContentOptions.Resolve("my-content", project));
    }
}
