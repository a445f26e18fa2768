using CSELearning.Web.Content;
using CSELearning.Web.Domain;

namespace CSELearning.UnitTests.Content;

public class ModuleParserTests
{
    private readonly ContentModule _module = new SampleModule().LoadValid();

    [Fact]
    public void Reads_every_front_matter_field()
    {
        Assert.Equal("sample", _module.Id);
        Assert.Equal("sample", _module.Slug);
        Assert.Equal("Sample module", _module.Title);
        Assert.Equal(new ModuleVersion(1, 1, 0), _module.Version);
        Assert.Equal("A module for tests.", _module.Summary);
        Assert.Equal([JobRole.SocialWorker, JobRole.YouthWorker], _module.Audience);
        Assert.Equal(20, _module.EstimatedMinutes);
        Assert.Equal(0.5m, _module.CpdHours);
        Assert.Equal(["Recognise the signs."], _module.LearningOutcomes);
        Assert.Equal("<p class=\"govuk-body\">Discusses the sexual abuse of children.</p>", _module.ContentWarning.Html.Value);
        Assert.Equal("<p class=\"govuk-body\">Talk to your supervisor.</p>", _module.Signposting.Html.Value);
        Assert.Equal(80, _module.PassMark);
        Assert.Equal(new DateOnly(2027, 1, 31), _module.ReviewDate);
        Assert.Equal("<p class=\"govuk-body\">Welcome to the module.</p>", _module.Introduction.Html.Value);
    }

    [Fact]
    public void A_refresh_period_is_optional_and_read_in_whole_months()
    {
        Assert.Null(_module.RefreshMonths);
        var withPeriod = new SampleModule().Replace("module.md", "cpd_hours: 0.5", "cpd_hours: 0.5\nrefresh_months: 24").LoadValid();
        Assert.Equal(24, withPeriod.RefreshMonths);
    }

    [Fact]
    public void A_good_ending_is_required_for_completion_only_when_the_module_says_so()
    {
        Assert.False(_module.RequiresGoodEnding);
        Assert.True(new SampleModule().Replace("module.md", "cpd_hours: 0.5", "cpd_hours: 0.5\nrequire_good_ending: true").LoadValid().RequiresGoodEnding);
        Assert.False(new SampleModule().Replace("module.md", "cpd_hours: 0.5", "cpd_hours: 0.5\nrequire_good_ending: false").LoadValid().RequiresGoodEnding);
    }

    [Theory]
    [InlineData(20, null, 6)]   // 30% of the estimate
    [InlineData(35, null, 11)]  // 10.5, rounded up
    [InlineData(60, null, 18)]
    [InlineData(1, null, 1)]
    [InlineData(20, 15, 15)]
    [InlineData(20, 20, 20)]
    public void A_minimum_time_is_optional_and_otherwise_30_percent_of_the_estimate_rounded_up(int estimated, int? minimum, int expected)
    {
        var module = new SampleModule()
            .Replace("module.md", "estimated_minutes: 20", $"estimated_minutes: {estimated}" + (minimum is { } m ? $"\nminimum_minutes: {m}" : ""))
            .LoadValid();

        Assert.Equal(expected, module.MinimumMinutes);
    }

    [Fact]
    public void Reads_the_change_log_newest_first()
    {
        Assert.Equal(
            [new VersionChange(new(1, 1, 0), ChangeKind.Minor, "Clearer wording."), new VersionChange(new(1, 0, 0), ChangeKind.Major, "First published.")],
            _module.Changes);
    }

    [Fact]
    public void Reads_references_and_cites_them_by_family_name_unless_told_otherwise()
    {
        Assert.Collection(_module.References,
            r =>
            {
                Assert.Equal(("hallett2015", "Hallett, S.", 2015, "Problems and solutions"), (r.Key, r.Author, r.Year, r.Title));
                Assert.Equal("Hallett, 2015", r.ShortCitation);
                Assert.Equal("ref-hallett2015", r.Anchor);
                Assert.Null(r.Url);
            },
            r =>
            {
                Assert.Equal("Sharp-Jeffs, Coy and Kelly, 2017", r.ShortCitation);
                Assert.Equal("https://www.csacentre.org.uk/", r.Url);
            });
    }

    [Fact]
    public void Sections_come_in_file_name_order_with_their_kind_and_source()
    {
        Assert.Collection(_module.Sections,
            s => Assert.IsType<ContentPage>(s),
            s => Assert.IsType<Scenario>(s),
            s => Assert.IsType<KnowledgeCheck>(s),
            s => Assert.IsType<Reflection>(s));
        Assert.Equal(["page", "scenario", "check", "reflection"], _module.Sections.Select(s => s.Id));
        Assert.Equal("modules/sample/02-scenario.md", _module.Sections[1].SourcePath);
        Assert.Equal(3, _module.Sections[1].Line);
    }

    [Fact]
    public void A_page_is_rendered_with_govuk_classes_and_linked_citations()
    {
        var page = _module.SectionsOf<ContentPage>().Single();

        Assert.Equal("A page", page.Title);
        Assert.Equal(
            "<p class=\"govuk-body\">Text citing (<a class=\"govuk-link\" href=\"#ref-hallett2015\">Hallett, 2015</a>) and "
            + "(<a class=\"govuk-link\" href=\"#ref-hallett2015\">Hallett, 2015</a>; <a class=\"govuk-link\" href=\"#ref-sjck2017\">Sharp-Jeffs, Coy and Kelly, 2017</a>).</p>\n"
            + "<h2 id=\"a-heading\" class=\"govuk-heading-m\">A heading</h2>\n"
            + "<ul class=\"govuk-list govuk-list--bullet\">\n<li>one</li>\n<li>two</li>\n</ul>",
            page.Body.Html.Value);
    }

    [Fact]
    public void A_scenario_has_nodes_with_choices_and_endings_with_good_practice()
    {
        var scenario = _module.SectionsOf<Scenario>().Single();

        Assert.Equal("<p class=\"govuk-body\">Scene setting.</p>", scenario.Body.Html.Value);
        Assert.Equal(["start", "middle", "good-end", "bad-end"], scenario.Nodes.Select(n => n.Id));
        Assert.Equal("start", scenario.Start!.Id);

        var start = scenario.Nodes[0];
        Assert.Equal(("Start", 9, false), (start.Title, start.Line, start.IsEnding));
        Assert.Equal("<p class=\"govuk-body\">Narrative.</p>", start.Narrative.Html.Value);
        Assert.Collection(start.Choices,
            c =>
            {
                Assert.Equal(("Go left", "good-end", true, 13), (c.Text, c.Target, c.IsRecommended, c.Line));
                Assert.Contains("Feedback left (<a class=\"govuk-link\" href=\"#ref-hallett2015\">", c.Feedback.Html.Value, StringComparison.Ordinal);
            },
            c => Assert.Equal(("Go right", "middle", false, 17), (c.Text, c.Target, c.IsRecommended, c.Line)));

        // The arrow may be typed as -> or as →.
        Assert.Equal("bad-end", scenario.FindNode("middle")!.Choices.Single().Target);

        var good = scenario.FindNode("good-end")!;
        Assert.True(good.IsEnding);
        Assert.Equal(("Good", EndingOutcome.Good), (good.Title, good.Outcome));
        Assert.Equal(EndingOutcome.Poor, scenario.FindNode("bad-end")!.Outcome);
        Assert.Null(start.Outcome);
        Assert.Empty(good.Choices);
        Assert.Equal("<p class=\"govuk-body\">It went well.</p>", good.Narrative.Html.Value);
        Assert.Equal("<p class=\"govuk-body\">Do this.</p>", good.GoodPractice.Html.Value);
        Assert.Equal(29, good.Line);
    }

    [Fact]
    public void A_knowledge_check_has_single_and_multiple_answer_questions_with_an_explanation_per_option()
    {
        var check = _module.SectionsOf<KnowledgeCheck>().Single();

        var one = check.Questions[0];
        Assert.Equal(("q-one", "Which?", false, 7), (one.Id, one.Text, one.AllowsMultipleAnswers, one.Line));
        Assert.Collection(one.Options,
            o =>
            {
                Assert.Equal(("Right", true, 11), (o.Label.Html.Value, o.IsCorrect, o.Line));
                Assert.Equal("<p class=\"govuk-body\">Because right.</p>", o.Explanation.Html.Value);
            },
            o =>
            {
                Assert.Equal(("Wrong", false, 13), (o.Label.Html.Value, o.IsCorrect, o.Line));
                Assert.StartsWith("<p class=\"govuk-body\">Because wrong (<a", o.Explanation.Html.Value, StringComparison.Ordinal);
            });

        var many = check.Questions[1];
        Assert.Equal(("q-many", "Which ones?", true), (many.Id, many.Text, many.AllowsMultipleAnswers));
        Assert.Equal("<p class=\"govuk-body\">Some detail.</p>", many.Detail.Html.Value);
        Assert.Equal([true, true, false, false], many.Options.Select(o => o.IsCorrect));
        Assert.Equal(["A", "B", "C", "D"], many.Options.Select(o => o.Label.Html.Value));
        Assert.Equal(new TaughtIn("page", null, 9), one.TaughtIn);
        Assert.Equal(new TaughtIn("scenario", null, 19), many.TaughtIn);
    }

    [Fact]
    public void Options_and_choices_have_keys_that_are_stable_unique_and_not_positions()
    {
        var again = new SampleModule().Load().Modules.Single();
        var keys = Keys(_module);
        Assert.Equal(keys, Keys(again));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{10}$", k));

        // The same wording under another question, or in another place, is another option.
        var reworded = new SampleModule().Replace("03-check.md", "- [x] A\n  Yes.", "- [x] Aa\n  Yes.").Load().Modules.Single();
        var changed = Keys(reworded).Except(keys).ToList();
        Assert.Single(changed);

        static List<string> Keys(ContentModule module) =>
            module.SectionsOf<KnowledgeCheck>().SelectMany(c => c.Questions).SelectMany(q => q.Options).Select(o => o.Key)
                .Concat(module.SectionsOf<Scenario>().SelectMany(s => s.Nodes).SelectMany(n => n.Choices).Select(c => c.Key)).ToList();
    }

    [Fact]
    public void Keep_in_place_pins_an_option_or_a_choice_and_is_not_shown()
    {
        var module = new SampleModule()
            .Replace("03-check.md", "- [ ] D\n", "- [ ] None of these (Keep in place)\n")
            .Replace("02-scenario.md", "### Choice: Go right -> middle", "### Choice: Wait and see (keep in place) -> middle")
            .Load().Modules.Single();
        var options = module.SectionsOf<KnowledgeCheck>().Single().Questions[1].Options;
        Assert.Equal([false, false, false, true], options.Select(o => o.IsPinned));
        Assert.Equal("None of these", options[3].Label.Html.Value);
        var choice = module.SectionsOf<Scenario>().Single().Nodes.SelectMany(n => n.Choices).Single(c => c.IsPinned);
        Assert.Equal(("Wait and see", "middle"), (choice.Text, choice.Target));
    }

    [Fact]
    public void A_reflection_has_prompts_with_guidance()
    {
        var reflection = _module.SectionsOf<Reflection>().Single();

        Assert.Equal("<p class=\"govuk-body\">Before you start.</p>", reflection.Body.Html.Value);
        var prompt = Assert.Single(reflection.Prompts);
        Assert.Equal(("noticed", "What did you notice?", 9), (prompt.Id, prompt.Text, prompt.Line));
        Assert.Equal("<p class=\"govuk-body\">Think about it.</p>", prompt.Guidance.Html.Value);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_read_the_same()
    {
        var files = new SampleModule().Files().Select(f => f with { Text = "\uFEFF" + f.Text.Replace("\n", "\r\n", StringComparison.Ordinal) });

        var result = ContentLoader.Load(files);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(_module.ContentHash, result.Modules[0].ContentHash);
        Assert.Equal(13, result.Modules[0].SectionsOf<Scenario>().Single().Nodes[0].Choices[0].Line);
    }

    [Fact]
    public void Rendering_leaves_nothing_to_parse_when_a_page_is_served()
    {
        var fragments = new[] { _module.Introduction, _module.ContentWarning, _module.Signposting }
            .Concat(_module.Sections.SelectMany(ContentValidator.SectionFragments));

        Assert.All(fragments, f => Assert.Empty(f.Blocks));
    }
}
