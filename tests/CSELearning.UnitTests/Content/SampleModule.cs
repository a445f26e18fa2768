using CSELearning.Web.Content;

namespace CSELearning.UnitTests.Content;

/// <summary>
/// A small module that uses every feature of the format and validates clean. Tests break one thing in it
/// (a broken fixture per rule) and look for the problem at its file and line.
/// </summary>
internal sealed class SampleModule
{
    public const string Folder = "modules/sample/";

    public const string ModuleMd = """
        ---
        id: sample
        title: Sample module
        version: 1.1.0
        changes:
          - version: 1.1.0
            change: minor
            summary: Clearer wording.
          - version: 1.0.0
            change: major
            summary: First published.
        summary: A module for tests.
        audience: [Social worker, Youth worker]
        estimated_minutes: 20
        cpd_hours: 0.5
        learning_outcomes:
          - Recognise the signs.
        content_warning: Discusses the sexual abuse of children.
        signposting: Talk to your supervisor.
        pass_mark: 80
        review_date: 2027-01-31
        references:
          - key: hallett2015
            author: Hallett, S.
            year: 2015
            title: Problems and solutions
          - key: sjck2017
            author: Sharp-Jeffs, N., Coy, M. and Kelly, L.
            cited_as: Sharp-Jeffs, Coy and Kelly
            year: 2017
            title: Key messages
            url: https://www.csacentre.org.uk/
        ---

        Welcome to the module.
        """;

    public const string PageMd = """
        ---
        type: page
        id: page
        title: A page
        ---

        Text citing [@hallett2015] and [@hallett2015; @sjck2017].

        ## A heading {#a-heading}

        - one
        - two
        """;

    public const string ScenarioMd = """
        ---
        type: scenario
        id: scenario
        title: A scenario
        ---

        Scene setting.

        ## Node: Start {#start}

        Narrative.

        ### Recommended choice: Go left -> good-end

        Feedback left [@hallett2015].

        ### Choice: Go right -> middle

        Feedback right.

        ## Node: Middle {#middle}

        More narrative.

        ### Choice: Carry on → bad-end

        Feedback on carrying on.

        ## Ending (good): Good {#good-end}

        It went well.

        ### Good practice

        Do this.

        ## Ending (poor): Bad {#bad-end}

        It went badly.

        ### Good practice

        Do that.
        """;

    public const string CheckMd = """
        ---
        type: knowledge-check
        id: check
        title: Check
        ---

        ## Choose one: Which? {#q-one}

        Taught in: page

        - [x] Right
          Because right.
        - [ ] Wrong

          Because wrong [@hallett2015].

        ## Choose all that apply: Which ones? {#q-many}

        Taught in: scenario

        Some detail.

        - [x] A
          Yes.
        - [x] B
          Yes too.
        - [ ] C
          No.
        - [ ] D
          Not D.
        """;

    public const string ReflectionMd = """
        ---
        type: reflection
        id: reflection
        title: Reflect
        ---

        Before you start.

        ## Prompt: What did you notice? {#noticed}

        Think about it.
        """;

    private readonly Dictionary<string, string> _files = new()
    {
        ["module.md"] = ModuleMd,
        ["01-page.md"] = PageMd,
        ["02-scenario.md"] = ScenarioMd,
        ["03-check.md"] = CheckMd,
        ["04-reflection.md"] = ReflectionMd,
    };

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in a file, which must contain it.</summary>
    public SampleModule Replace(string file, string old, string replacement)
    {
        var text = _files[file];
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} does not contain '{old}'");
        _files[file] = text[..at] + replacement + text[(at + old.Length)..];
        return this;
    }

    public SampleModule With(string file, string text)
    {
        _files[file] = text;
        return this;
    }

    public SampleModule Without(string file)
    {
        _files.Remove(file);
        return this;
    }

    public IEnumerable<SourceFile> Files(string folder = Folder) => _files.Select(f => new SourceFile(folder + f.Key, f.Value));

    public ContentLoadResult Load() => ContentLoader.Load(Files());

    public ContentModule LoadValid()
    {
        var result = Load();
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return Assert.Single(result.Modules);
    }
}
