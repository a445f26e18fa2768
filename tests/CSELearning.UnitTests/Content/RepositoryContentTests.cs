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
        { "criminal-and-online-exploitation", true },
    };

    [Fact]
    public void The_five_published_modules_are_all_the_modules() =>
        Assert.Equal(PublishedModules.Select(row => (string)row[0]).Order(), ContentCatalog.Load(RepositoryContent()).Modules.Select(m => m.Id).Order());

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

        foreach (var check in module.SectionsOf<KnowledgeCheck>())
        {
            Assert.True(check.Questions.Count >= 12, $"{id}/{check.Id}: {check.Questions.Count} questions");
            var applied = check.Questions.Count(q => q.Applied);
            Assert.True(applied * 2 >= check.Questions.Count, $"{id}/{check.Id}: {applied} of {check.Questions.Count} questions set a practice situation ('Applied: yes'); at least half must");
        }
        var questions = module.SectionsOf<KnowledgeCheck>().SelectMany(c => c.Questions).ToList();
        Assert.All(questions.SelectMany(q => q.Options), o => Assert.False(o.Explanation.IsEmpty));
        Assert.NotEmpty(module.SectionsOf<Reflection>().SelectMany(r => r.Prompts));
        Assert.NotEmpty(module.References);
    }

    /// <summary>
    /// The support every module offers is the same wherever a learner is: 999, the site's support and law pages, and
    /// the national helplines, written once and repeated word for word at the end of each module's signposting.
    /// </summary>
    [Fact]
    public void Every_module_ends_its_signposting_with_the_same_common_block()
    {
        var modules = ContentCatalog.Load(RepositoryContent()).Modules;
        var blocks = modules.Select(m => (m.Id, Block: CommonBlock(m.Signposting.Html.Value ?? ""))).ToList();

        foreach (var (moduleId, block) in blocks)
        {
            Assert.True(block is not null, $"{moduleId}: the signposting has no common block starting 'In an emergency'");
            foreach (var link in new[] { "href=\"tel:999\"", "href=\"/support\"", "href=\"/law\"", "href=\"tel:08088005000\"", "href=\"tel:08001111\"" })
                Assert.Contains(link, block);
        }
        Assert.Single(blocks.Select(b => b.Block).Distinct());

        static string? CommonBlock(string html)
        {
            var start = html.IndexOf("In an emergency", StringComparison.Ordinal);
            return start < 0 ? null : html[start..];
        }
    }

    [Fact]
    public void Every_reference_has_a_title_a_year_and_an_address_or_publisher()
    {
        var catalog = ContentCatalog.Load(RepositoryContent());
        var references = catalog.Modules.SelectMany(m => m.References.Select(r => (Where: m.Id, Reference: r)))
            .Concat(SitePage.Ids.Select(catalog.Page).OfType<SitePage>().SelectMany(p => p.References.Select(r => (Where: p.Id, Reference: r))));

        Assert.All(references, entry =>
        {
            var (where, reference) = entry;
            Assert.False(string.IsNullOrWhiteSpace(reference.Title), $"{where}/{reference.Key}: no title");
            Assert.InRange(reference.Year, 1900, DateTime.UtcNow.Year + 1);
            Assert.True(!string.IsNullOrWhiteSpace(reference.Url) || !string.IsNullOrWhiteSpace(reference.Publisher), $"{where}/{reference.Key}: neither an address nor a publisher");
        });
    }

    [Fact]
    public void The_law_page_is_published_with_its_sections()
    {
        var law = ContentCatalog.Load(RepositoryContent()).Page("law");

        Assert.True(law is not null, "content/law.md is missing");
        foreach (var id in new[] { "children-act-1989", "children-act-2004", "working-together", "kcsie", "sexual-offences-act", "cawn", "modern-slavery-nrm", "information-sharing", "care-act-2014", "care-leavers", "wales", "scotland", "northern-ireland" })
            Assert.Contains($"id=\"{id}\"", law.Body.Html.Value);
        Assert.NotEmpty(law.References);
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
