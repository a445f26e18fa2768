using CSELearning.Web.Content;

namespace CSELearning.UnitTests.Content;

/// <summary>Each rule, with a fixture broken in one place: the problem names the file and the line to fix.</summary>
public class ContentValidatorTests
{
    private const string M = "modules/sample/module.md";
    private const string Page = "modules/sample/01-page.md";
    private const string Scen = "modules/sample/02-scenario.md";
    private const string Check = "modules/sample/03-check.md";
    private const string Refl = "modules/sample/04-reflection.md";

    internal static void AssertProblem(SampleModule module, string expected)
    {
        var result = module.Load();

        Assert.False(result.IsValid);
        Assert.Empty(result.Modules);
        Assert.True(result.Problems.Any(p => p.ToString().StartsWith(expected, StringComparison.Ordinal)),
            $"Expected a problem starting '{expected}'; got:\n{string.Join("\n", result.Problems)}");
    }

    [Fact]
    public void The_sample_module_has_no_problems() => Assert.Empty(new SampleModule().Load().Problems);

    // Where each question is taught: a failed attempt links there instead of showing the answer.
    [Theory]
    [InlineData("Taught in: page\n\n", "", Check + ":7: say which page teaches this question, on a line of its own below it")]
    [InlineData("Taught in: page\n", "Taught in: nowhere\n", Check + ":9: 'Taught in: nowhere': there is no section with that id; the pages and scenarios are page, scenario")]
    [InlineData("Taught in: page\n", "Taught in: reflection\n", Check + ":9: 'Taught in: reflection' is a reflection: name the page or scenario that teaches this (page, scenario)")]
    [InlineData("Taught in: page\n", "Taught in: page#missing\n", Check + ":9: 'page' has no heading with the id 'missing': its heading ids are a-heading")]
    [InlineData("Taught in: page\n", "Taught in: the page\n", Check + ":9: 'Taught in: the page' should name a section by its id")]
    [InlineData("Taught in: page\n", "Taught in: page\n\nTaught in: scenario\n", Check + ":11: the question already says where it is taught")]
    public void A_question_that_does_not_say_where_it_is_taught(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("03-check.md", old, replacement), expected);

    // "Applied: yes" marks a question that sets a practice situation; the repository's checks must be at least half applied.
    [Theory]
    [InlineData("Taught in: page\n", "Taught in: page\nApplied: yes\n")]
    [InlineData("Taught in: page\n", "Taught in: page\n\nApplied: yes\n")]
    [InlineData("Taught in: page\n", "Applied: Yes\nTaught in: page\n")]
    [InlineData("Taught in: page\n", "taught in: page\napplied: yes\n")]
    public void A_question_marked_applied_is_applied_and_keeps_where_it_is_taught(string old, string replacement)
    {
        var module = new SampleModule().Replace("03-check.md", old, replacement).LoadValid();
        var questions = module.SectionsOf<KnowledgeCheck>().Single().Questions;

        Assert.Equal([true, false], questions.Select(q => q.Applied));
        Assert.Equal("page", questions[0].TaughtIn?.SectionId);
        Assert.True(questions[0].Detail.IsEmpty);
    }

    [Theory]
    [InlineData("Taught in: page\n", "Taught in: page\nApplied: no\n", Check + ":9: 'Applied: no' should be 'Applied: yes'")]
    [InlineData("Taught in: page\n", "Taught in: page\nApplied: yes\n\nApplied: yes\n", Check + ":12: the question is already marked applied")]
    [InlineData("Taught in: page\n", "Taught in: page\nApplied: yes\nWhat would you do?\n", Check + ":9: 'What would you do?' is not a 'Taught in:' or 'Applied:' line")]
    public void A_badly_written_applied_line(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("03-check.md", old, replacement), expected);

    [Fact]
    public void A_question_may_name_a_heading_on_its_page() =>
        Assert.Empty(new SampleModule().Replace("03-check.md", "Taught in: page\n", "Taught in: page#a-heading\n").Load().Problems);

    // Front matter
    [Theory]
    [InlineData("title: Sample module", "title: [Sample module", M + ":3: the front matter is not valid YAML")]
    [InlineData("---\nid: sample", "id: sample", M + ":1: the file must start with front matter")]
    [InlineData("\n---\n\nWelcome", "\n\nWelcome", M + ":1: the front matter is not closed")]
    [InlineData("summary: A module", "sumary: A module", M + ":12: the module has an unknown field 'sumary'")]
    [InlineData("version: 1.1.0", "version: 1.1", M + ":4: 'version' must be three numbers")]
    [InlineData("id: sample", "id: Sample Module", M + ":2: the id 'Sample Module' must be two or more lower-case")]
    [InlineData("audience: [Social worker, Youth worker]", "audience: [Social worker, Astronaut]", M + ":13: 'Astronaut' is not a job role")]
    [InlineData("estimated_minutes: 20", "estimated_minutes: twenty", M + ":14: 'estimated_minutes' must be a whole number")]
    [InlineData("pass_mark: 80", "pass_mark: 180", M + ":20: 'pass_mark' must be a whole number from 1 to 100")]
    [InlineData("cpd_hours: 0.5", "cpd_hours: 0.5\nrefresh_months: 0", M + ":16: 'refresh_months' must be a whole number from 1 to 120, not '0'")]
    [InlineData("cpd_hours: 0.5", "cpd_hours: 0.5\nrefresh_months: 121", M + ":16: 'refresh_months' must be a whole number from 1 to 120, not '121'")]
    [InlineData("cpd_hours: 0.5", "cpd_hours: 0.5\nrefresh_months: 1.5", M + ":16: 'refresh_months' must be a whole number from 1 to 120, not '1.5'")]
    [InlineData("cpd_hours: 0.5", "cpd_hours: 0.5\nrefresh_months:", M + ":16: 'refresh_months' is empty")]
    [InlineData("cpd_hours: 0.5", "cpd_hours: 0.5\nrequire_good_ending: yes", M + ":16: 'require_good_ending' must be true or false, not 'yes'")]
    [InlineData("cpd_hours: 0.5", "cpd_hours: 0.5\nrequire_good_ending:", M + ":16: 'require_good_ending' is empty")]
    [InlineData("estimated_minutes: 20", "estimated_minutes: 20\nminimum_minutes: 21", M + ":15: 'minimum_minutes' must be a whole number from 1 to 20, not '21'")]
    [InlineData("estimated_minutes: 20", "estimated_minutes: 20\nminimum_minutes: 0", M + ":15: 'minimum_minutes' must be a whole number from 1 to 20, not '0'")]
    [InlineData("estimated_minutes: 20", "estimated_minutes: 20\nminimum_minutes: ten", M + ":15: 'minimum_minutes' must be a whole number")]
    [InlineData("estimated_minutes: 20", "estimated_minutes: 20\nminimum_minutes: 7.5", M + ":15: 'minimum_minutes' must be a whole number")]
    [InlineData("estimated_minutes: 20", "estimated_minutes: 20\nminimum_minutes:", M + ":15: 'minimum_minutes' is empty")]
    [InlineData("review_date: 2027-01-31", "review_date: 31/01/2027", M + ":21: 'review_date' must be a date")]
    [InlineData("learning_outcomes:\n  - Recognise the signs.", "learning_outcomes: []", M + ":16: 'learning_outcomes' is empty")]
    [InlineData("title: Sample module\n", "", M + ":2: the module has no 'title'")]
    public void Malformed_module_front_matter(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("module.md", old, replacement), expected);

    [Fact]
    public void A_module_that_requires_a_good_ending_where_a_scenario_has_none() =>
        AssertProblem(new SampleModule()
                .Replace("module.md", "cpd_hours: 0.5", "cpd_hours: 0.5\nrequire_good_ending: true")
                .Replace("02-scenario.md", "## Ending (good): Good", "## Ending (mixed): Good"),
            Scen + ":3: the module sets 'require_good_ending: true' but this scenario has no good ending");

    [Fact]
    public void A_module_without_a_content_warning() =>
        AssertProblem(new SampleModule().Replace("module.md", "content_warning: Discusses the sexual abuse of children.\n", ""),
            M + ":2: the module has no 'content_warning': every module warns learners");

    [Fact]
    public void A_module_with_an_empty_content_warning() =>
        AssertProblem(new SampleModule().Replace("module.md", "content_warning: Discusses the sexual abuse of children.", "content_warning:"),
            M + ":18: 'content_warning' is empty: every module warns learners");

    [Fact]
    public void A_module_without_signposting() =>
        AssertProblem(new SampleModule().Replace("module.md", "signposting: Talk to your supervisor.\n", ""),
            M + ":2: the module has no 'signposting': every module says who a learner can talk to");

    // Versions and the change log
    [Theory]
    [InlineData("  - version: 1.1.0\n    change: minor", "  - version: 1.0.1\n    change: minor", M + ":6: the first change must be this version, 1.1.0, not 1.0.1")]
    [InlineData("change: minor", "change: small", M + ":7: 'change' must be major (substance: earlier completions are due for refresh) or minor")]
    [InlineData("  - version: 1.0.0\n    change: major", "  - version: 1.2.0\n    change: major", M + ":9: list changes newest first")]
    [InlineData("    summary: Clearer wording.\n", "", M + ":6: a change has no 'summary'")]
    public void A_change_log_that_does_not_match(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("module.md", old, replacement), expected);

    // References and citations
    [Theory]
    [InlineData("key: sjck2017", "key: hallett2015", M + ":27: the reference key 'hallett2015' is used twice")]
    [InlineData("    year: 2015\n", "", M + ":23: a reference has no 'year'")]
    [InlineData("url: https://www.csacentre.org.uk/", "url: www.csacentre.org.uk", M + ":32: the url 'www.csacentre.org.uk' must be a full web address")]
    public void Malformed_references(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("module.md", old, replacement), expected);

    [Theory]
    [InlineData("01-page.md", "[@hallett2015; @sjck2017]", "[@hallett2015; @kelly2017]", Page + ":7: the citation [@kelly2017] is not in the module's references")]
    [InlineData("02-scenario.md", "Feedback left [@hallett2015]", "Feedback left [@halett2015]", Scen + ":15: the citation [@halett2015] is not in the module's references")]
    [InlineData("03-check.md", "Because wrong [@hallett2015]", "Because wrong [@hallet]", Check + ":15: the citation [@hallet] is not in the module's references")]
    [InlineData("04-reflection.md", "Think about it.", "Think about it [@nobody2020].", Refl + ":11: the citation [@nobody2020]")]
    [InlineData("module.md", "signposting: Talk to your supervisor.", "signposting: Talk to your supervisor [@nobody2020].", M + ":19: the citation [@nobody2020]")]
    public void A_citation_key_missing_from_the_references(string file, string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace(file, old, replacement), expected);

    // Ids
    [Theory]
    [InlineData("02-scenario.md", "## Node: Middle {#middle}", "## Node: Middle {#page}", Scen + ":21: the id 'page' is already used at modules/sample/01-page.md:3")]
    [InlineData("03-check.md", "{#q-many}", "{#q-one}", Check + ":17: the id 'q-one' is already used at modules/sample/03-check.md:7")]
    [InlineData("04-reflection.md", "id: reflection", "id: check", Refl + ":3: the id 'check' is already used at modules/sample/03-check.md:3")]
    [InlineData("02-scenario.md", "## Node: Middle {#middle}", "## Node: Middle", Scen + ":21: give the node an id at the end of its heading, like '{#middle}'")]
    [InlineData("02-scenario.md", "{#middle}", "{#Middle_Node}", Scen + ":21: the id 'Middle_Node' must be two or more lower-case")]
    [InlineData("02-scenario.md", "{#middle}", "{#m}", Scen + ":21: the id in braces could not be read")]
    [InlineData("03-check.md", " {#q-one}", "", Check + ":7: give the question an id")]
    [InlineData("04-reflection.md", " {#noticed}", "", Refl + ":9: give the prompt an id")]
    public void Duplicate_or_missing_ids(string file, string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace(file, old, replacement), expected);

    [Theory]
    [InlineData("id: page", "id: start", Page + ":3: the id 'start' is used by the site for a page of every module")]
    [InlineData("id: page", "id: completion", Page + ":3: the id 'completion' is used by the site for a page of every module")]
    public void A_section_id_the_site_uses_for_its_own_pages(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("01-page.md", old, replacement), expected);

    [Fact]
    public void An_id_longer_than_the_site_records() =>
        AssertProblem(new SampleModule().Replace("02-scenario.md", "{#middle}", "{#" + string.Join("-", Enumerable.Repeat("middle", 15)) + "}"),
            Scen + ":21: the id 'middle-middle-middle-middle-middle-middle-middle-middle-middle-middle-middle-middle-middle-middle-middle' is 104 characters long: ids can be at most 100");

    [Fact]
    public void A_module_id_longer_than_the_site_records() =>
        AssertProblem(new SampleModule().Replace("module.md", "id: sample", "id: " + new string('s', 101)),
            M + ":2: the id '" + new string('s', 101) + "' is 101 characters long: ids can be at most 100");

    [Fact]
    public void Two_modules_with_the_same_id()
    {
        var files = new SampleModule().Files().Concat(new SampleModule().Files("modules/sample-copy/"));

        var result = ContentLoader.Load(files);

        var problem = Assert.Single(result.Problems).ToString();
        Assert.StartsWith("modules/sample-copy/module.md:2: the module id 'sample' is also used by modules/sample/module.md", problem, StringComparison.Ordinal);
    }

    // Scenarios
    [Theory]
    [InlineData("-> middle", "-> midle", Scen + ":17: the choice leads to 'midle', which is not a node in this scenario")]
    [InlineData("-> middle", "-> good-end", Scen + ":21: no choice leads to 'middle', so no learner can reach it")]
    [InlineData("→ bad-end", "→ middle", Scen + ":21: no path from 'middle' reaches an ending")]
    [InlineData("### Choice: Carry on → bad-end\n\nFeedback on carrying on.\n", "", Scen + ":21: the node has no choices, so the scenario stops here")]
    [InlineData("## Ending (poor): Bad {#bad-end}", "## Node: Bad {#bad-end}", Scen + ":37: the node has no choices")]
    [InlineData("### Choice: Go right -> middle", "### Choice: Go right", Scen + ":17: say where the choice leads with an arrow")]
    [InlineData("\nFeedback right.\n", "", Scen + ":17: the choice has no feedback")]
    [InlineData("### Good practice\n\nDo this.", "Do this.", Scen + ":29: the ending does not say what good practice would have been")]
    [InlineData("## Node: Middle {#middle}", "## Middle {#middle}", Scen + ":21: a scenario's ## headings start with 'Node:' or 'Ending (good, mixed or poor):', not '## Middle'")]
    [InlineData("It went badly.", "It went badly.\n\n### Choice: Try again -> start\n\nAgain.", Scen + ":41: an ending has no choices")]
    [InlineData("More narrative.", "More narrative.\n\n### Good practice", Scen + ":25: '### Good practice' belongs in an ending")]
    // Every ending says how it turned out, so that a run can be scored.
    [InlineData("## Ending (poor): Bad {#bad-end}", "## Ending: Bad {#bad-end}", Scen + ":37: say how the ending turned out for the child and the practitioner, good, mixed or poor, in brackets: '## Ending (good): Bad'")]
    [InlineData("## Ending (poor): Bad {#bad-end}", "## Ending (awful): Bad {#bad-end}", Scen + ":37: an ending's outcome is good, mixed or poor, not 'awful': '## Ending (good): Bad'")]
    [InlineData("## Ending (poor): Bad {#bad-end}", "## Ending (): Bad {#bad-end}", Scen + ":37: an ending's outcome is good, mixed or poor, not '': '## Ending (good): Bad'")]
    [InlineData("## Ending (poor): Bad {#bad-end}", "## Ending (1): Bad {#bad-end}", Scen + ":37: an ending's outcome is good, mixed or poor, not '1'")]
    public void Broken_scenarios(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("02-scenario.md", old, replacement), expected);

    [Fact]
    public void A_scenario_without_an_ending()
    {
        var scenario = "---\ntype: scenario\nid: scenario\ntitle: Loop\n---\n\n## Node: A {#node-a}\n\nA.\n\n### Choice: On -> node-b\n\nOn.\n\n## Node: B {#node-b}\n\nB.\n\n### Choice: Back -> node-a\n\nBack.\n";

        var problems = new SampleModule().With("02-scenario.md", scenario).Load().Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(Scen + ":3: the scenario has no ending: add at least one '## Ending (good): ... {#an-id}'", problems);
        Assert.Contains(problems, p => p.StartsWith(Scen + ":7: no path from 'node-a' reaches an ending", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(Scen + ":15: no path from 'node-b' reaches an ending", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_without_nodes() =>
        AssertProblem(new SampleModule().With("02-scenario.md", "---\ntype: scenario\nid: scenario\ntitle: Empty\n---\n\nJust text.\n"),
            Scen + ":3: the scenario has no nodes");

    // Knowledge checks
    [Theory]
    [InlineData("- [x] Right", "- [ ] Right", Check + ":7: the question has no correct option: mark the right answer with [x]")]
    [InlineData("- [ ] Wrong", "- [x] Wrong", Check + ":7: the question says 'Choose one' but 2 options are marked [x]")]
    [InlineData("- [x] A\n  Yes.\n- [x] B\n  Yes too.\n- [ ] C", "- [ ] A\n  Yes.\n- [ ] B\n  Yes too.\n- [ ] C", Check + ":17: the question has no correct option")]
    [InlineData("- [x] Right\n  Because right.\n- [ ] Wrong\n\n  Because wrong [@hallett2015].", "- [x] Right\n  Because right.", Check + ":7: the question needs at least two options")]
    [InlineData("- [x] Right\n  Because right.", "- [x] Right", Check + ":11: the option has no explanation")]
    [InlineData("- [ ] C", "- C", Check + ":27: start each option with [x] for a correct answer or [ ] for an incorrect one")]
    [InlineData("- [x] Right\n  Because right.\n- [ ] Wrong\n\n  Because wrong [@hallett2015].", "Right, or wrong?", Check + ":7: the question has no options")]
    [InlineData("  No.", "  No.\n\nAn afterthought.", Check + ":30: nothing may follow a question's options")]
    [InlineData("## Choose one: Which?", "## Which?", Check + ":7: a knowledge check's ## headings start with 'Choose one:' or 'Choose all that apply:'")]
    public void Broken_questions(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("03-check.md", old, replacement), expected);

    [Fact]
    public void A_knowledge_check_without_questions() =>
        AssertProblem(new SampleModule().With("03-check.md", "---\ntype: knowledge-check\nid: check\ntitle: Check\n---\n\nNothing yet.\n"),
            Check + ":3: the knowledge check has no questions");

    [Fact]
    public void A_module_without_a_knowledge_check() =>
        AssertProblem(new SampleModule().Without("03-check.md"), M + ":1: the module has a pass mark but no knowledge check");

    // Reflection prompts
    [Fact]
    public void A_reflection_without_prompts() =>
        AssertProblem(new SampleModule().Replace("04-reflection.md", "## Prompt: What did you notice? {#noticed}", "What did you notice?"),
            Refl + ":3: the reflection has no prompts");

    [Fact]
    public void A_reflection_heading_that_is_not_a_prompt() =>
        AssertProblem(new SampleModule().Replace("04-reflection.md", "## Prompt: What", "## What"),
            Refl + ":9: a reflection's ## headings start with 'Prompt:'");

    // Markdown that the site does not accept
    [Theory]
    [InlineData("- one", "<div class=\"warning\">one</div>", Page + ":11: HTML is not allowed in content")]
    [InlineData("Text citing", "Text <b>citing</b>", Page + ":7: HTML is not allowed in content")]
    [InlineData("## A heading {#a-heading}", "# A heading", Page + ":9: use ## for headings")]
    [InlineData("{#a-heading}", "{#a-heading .big onclick=go}", Page + ":9: only an id may be given in braces")]
    public void Authored_html_and_heading_misuse(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("01-page.md", old, replacement), expected);

    // Files
    [Theory]
    [InlineData("type: page", "type: leaflet", Page + ":2: 'type' must be page, scenario, knowledge-check or reflection, not 'leaflet'")]
    [InlineData("type: page\n", "", Page + ":2: the file has no 'type'")]
    [InlineData("title: A page", "title: A page\nauthor: Me", Page + ":5: the file has an unknown field 'author'")]
    public void Malformed_section_front_matter(string old, string replacement, string expected) =>
        AssertProblem(new SampleModule().Replace("01-page.md", old, replacement), expected);

    [Fact]
    public void A_module_folder_without_module_md() =>
        AssertProblem(new SampleModule().Without("module.md"), M + ": this file is missing");

    [Fact]
    public void A_markdown_file_in_a_subfolder_is_not_silently_ignored() =>
        AssertProblem(new SampleModule().With("pages/05-extra.md", SampleModule.PageMd), "modules/sample/pages/05-extra.md: files in folders inside a module are not read");

    [Fact]
    public void No_modules_at_all() =>
        Assert.Equal("modules: there are no modules: add a folder modules/<module>/ with a module.md",
            Assert.Single(ContentLoader.Load([new SourceFile("README.md", "# Content")]).Problems).ToString());

    [Fact]
    public void Every_problem_is_reported_at_once_in_file_and_line_order()
    {
        var result = new SampleModule()
            .Replace("04-reflection.md", "Think about it.", "Think [@a].")
            .Replace("02-scenario.md", "-> middle", "-> nowhere")
            .Replace("module.md", "pass_mark: 80", "pass_mark: 0")
            .Load();

        Assert.Equal(
            [Scen + ":17", Scen + ":21", Scen + ":37", Refl + ":11", M + ":20"],
            result.Problems.Select(p => $"{p.Path}:{p.Line}"));
    }
}
