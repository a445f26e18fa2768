using CSELearning.Web.Content;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>A content directory of one small module, written to a temporary folder; broken on request.</summary>
public static class TestContent
{
    /// <summary>
    /// The sample module in <c>tests/fixtures/content</c>: small, stable, and using every feature of the format,
    /// so the journey tests do not move when the real modules in <c>content/</c> are edited.
    /// </summary>
    public static string SampleDirectory { get; } = FindSample();

    private static readonly Lazy<ContentModule> Sample = new(() => ContentCatalog.Load(SampleDirectory).Find("recognising-exploitation")!);

    /// <summary>The key a form posts for the choice written <paramref name="number"/>th at a node of the sample scenario.</summary>
    public static string SampleChoiceKey(string node, int number) =>
        Sample.Value.SectionsOf<Scenario>().Single().FindNode(node)!.Choices[number - 1].Key;

    /// <summary>A copy of the sample content with its module.md edited (to publish a new version, say).</summary>
    public static string SampleVariant(Func<string, string> editModuleMd)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cselearning-content", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(SampleDirectory, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(SampleDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            File.WriteAllText(target, Path.GetFileName(file) == "module.md" ? editModuleMd(text) : text);
        }
        return directory;
    }

    private static string FindSample()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sample = Path.Combine(directory.FullName, "tests", "fixtures", "content");
            if (File.Exists(Path.Combine(directory.FullName, "CSELearning.sln")) && Directory.Exists(sample)) return sample;
        }
        throw new InvalidOperationException("tests/fixtures/content was not found above " + AppContext.BaseDirectory);
    }

    public const string BrokenFile = "modules/first-steps/01-check.md";
    /// <summary>Where the broken module cites a reference it does not list.</summary>
    public const int BrokenLine = 12;

    private const string ModuleMd = """
        ---
        id: first-steps
        title: First steps
        version: 1.0.0
        changes:
          - version: 1.0.0
            change: major
            summary: First published.
        summary: A short module.
        audience: [Youth worker]
        estimated_minutes: 5
        cpd_hours: 0.25
        learning_outcomes:
          - Know where to start.
        content_warning: Mentions the abuse of children.
        signposting: Talk to your supervisor.
        pass_mark: 50
        review_date: 2027-06-30
        references:
          - key: hallett2015
            author: Hallett, S.
            year: 2015
            title: Problems and solutions
        ---
        """;

    private const string CheckMd = """
        ---
        type: knowledge-check
        id: check
        title: Check
        ---

        ## Choose one: Who is responsible for exploitation? {#responsible}

        Taught in: responsibility

        - [x] The adult who exploits the child
          Always [CITATION].
        - [ ] The child, when she seems to go along with it
          A child's cooperation is not consent.
        """;

    /// <summary>A page for a test module's question to say it is taught in ("Taught in: responsibility").</summary>
    public const string PageMd = """
        ---
        type: page
        id: responsibility
        title: Whose responsibility
        ---

        The adult who exploits a child is always responsible for the abuse.
        """;

    public static string Write(bool broken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cselearning-content", Guid.NewGuid().ToString("N"));
        var module = Directory.CreateDirectory(Path.Combine(directory, "modules", "first-steps")).FullName;
        File.WriteAllText(Path.Combine(module, "module.md"), ModuleMd);
        File.WriteAllText(Path.Combine(module, "02-responsibility.md"), PageMd);
        File.WriteAllText(Path.Combine(module, "01-check.md"), CheckMd.Replace("[CITATION]", broken ? "[@nobody2020]" : "[@hallett2015]", StringComparison.Ordinal));
        return directory;
    }
}

/// <summary>What a check form posts for the sample module's options: each option's key, never its number.</summary>
public static class SampleAnswers
{
    private static readonly Lazy<KnowledgeCheck> Check = new(() =>
        ContentLoader.LoadDirectory(TestContent.SampleDirectory).Modules.Single().SectionsOf<KnowledgeCheck>().Single());

    /// <summary>The key of the option written <paramref name="number"/>th under the question.</summary>
    public static string Key(string questionId, int number) =>
        Check.Value.Questions.Single(q => q.Id == questionId).Options[number - 1].Key;

    public static KeyValuePair<string, string> Answer(string questionId, int number) => new("answer-" + questionId, Key(questionId, number));
}
