using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CSELearning.Web.Content;

// The rules content must meet beyond its format: ids unique, every scenario node reachable and every path
// ending, citations that resolve, questions that can be answered, no authored HTML. The start-up check and
// the validate-content command run the same rules. Answers that give themselves away are refused too
// (AnswerCueRules), as are links to anything but web, email and phone addresses and the site's
// own pages (LinkRules).
internal static class ContentValidator
{
    public static void Validate(IReadOnlyList<ParsedModule> modules, List<ContentProblem> problems)
    {
        foreach (var module in modules) Validate(module, problems);

        foreach (var duplicate in modules.Where(m => m.Module.Id.Length > 0).GroupBy(m => m.Module.Id).Where(g => g.Count() > 1))
        {
            foreach (var module in duplicate.Skip(1))
                problems.Add(new(module.ModuleFile, module.IdLine, $"the module id '{duplicate.Key}' is also used by {duplicate.First().ModuleFile}: each module needs its own id"));
        }
    }

    private static void Validate(ParsedModule parsed, List<ContentProblem> problems)
    {
        var module = parsed.Module;
        UniqueIds(module, problems);
        if (module.Id.Length > ModuleSection.MaxIdLength)
            problems.Add(new(parsed.ModuleFile, parsed.IdLine, $"the id '{module.Id}' is {module.Id.Length} characters long: ids can be at most {ModuleSection.MaxIdLength}"));
        if (parsed.AllSectionsRead && !module.SectionsOf<KnowledgeCheck>().Any())
            problems.Add(new(parsed.ModuleFile, 1, "the module has a pass mark but no knowledge check: add a file with 'type: knowledge-check'"));

        foreach (var scenario in module.SectionsOf<Scenario>())
        {
            ScenarioRules(scenario, problems);
            AnswerCueRules.Scenario(scenario, problems);
            if (module.RequiresGoodEnding && scenario.Nodes.Count > 0 && scenario.Nodes.Any(n => n.IsEnding && n.Outcome is not null)
                && !scenario.Nodes.Any(n => n.Outcome == EndingOutcome.Good))
                problems.Add(new(scenario.SourcePath, scenario.Line,
                    "the module sets 'require_good_ending: true' but this scenario has no good ending, so nobody could complete it: mark an ending '## Ending (good): ...' or remove the setting"));
        }
        foreach (var check in module.SectionsOf<KnowledgeCheck>())
        {
            QuestionRules(check, problems);
            TaughtInRules(module, check, problems);
            AnswerCueRules.Check(check, problems);
        }
        foreach (var reflection in module.SectionsOf<Reflection>())
        {
            if (reflection.Prompts.Count == 0)
                problems.Add(new(reflection.SourcePath, reflection.Line, "the reflection has no prompts: add one as '## Prompt: ... {#an-id}'"));
        }

        var keys = module.References.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, markup) in Fragments(parsed))
            MarkdownRules(path, markup, keys, problems);
    }

    // Sections, nodes, questions and prompts share one set of ids within a module.
    private static void UniqueIds(ContentModule module, List<ContentProblem> problems)
    {
        var seen = new Dictionary<string, (string Path, int Line)>(StringComparer.Ordinal);
        foreach (var section in module.Sections)
        {
            if (ModuleSection.ReservedIds.Contains(section.Id))
                problems.Add(new(section.SourcePath, section.Line, $"the id '{section.Id}' is used by the site for a page of every module: choose another id for this section"));
            Claim(section.Id, section.SourcePath, section.Line);
            IEnumerable<(string Id, int Line)> inner = section switch
            {
                Scenario s => s.Nodes.Select(n => (n.Id, n.Line)),
                KnowledgeCheck k => k.Questions.Select(q => (q.Id, q.Line)),
                Reflection r => r.Prompts.Select(p => (p.Id, p.Line)),
                _ => [],
            };
            foreach (var (id, line) in inner) Claim(id, section.SourcePath, line);
        }

        void Claim(string id, string path, int line)
        {
            if (id.Length == 0) return;
            if (id.Length > ModuleSection.MaxIdLength)
                problems.Add(new(path, line, $"the id '{id}' is {id.Length} characters long: ids can be at most {ModuleSection.MaxIdLength}"));
            if (seen.TryGetValue(id, out var first))
                problems.Add(new(path, line, $"the id '{id}' is already used at {first.Path}:{first.Line}: ids must be unique within a module"));
            else
                seen[id] = (path, line);
        }
    }

    private static void ScenarioRules(Scenario scenario, List<ContentProblem> problems)
    {
        void Problem(int line, string message) => problems.Add(new(scenario.SourcePath, line, message));

        if (scenario.Nodes.Count == 0)
        {
            Problem(scenario.Line, "the scenario has no nodes: start it with '## Node: ... {#an-id}'");
            return;
        }
        if (!scenario.Nodes.Any(n => n.IsEnding))
            Problem(scenario.Line, "the scenario has no ending: add at least one '## Ending (good): ... {#an-id}'");

        var nodes = scenario.Nodes.Where(n => n.Id.Length > 0).GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var node in scenario.Nodes)
        {
            if (node.IsEnding)
            {
                if (node.GoodPractice.Blocks.Count == 0)
                    Problem(node.Line, "the ending does not say what good practice would have been: add a '### Good practice' section");
                continue;
            }
            if (node.Choices.Count == 0)
                Problem(node.Line, "the node has no choices, so the scenario stops here: add '### Choice: ... -> node-id' or make it an ending");
            foreach (var choice in node.Choices)
            {
                if (choice.Target.Length > 0 && !nodes.ContainsKey(choice.Target))
                    Problem(choice.Line, $"the choice leads to '{choice.Target}', which is not a node in this scenario");
                if (choice.Feedback.Blocks.Count == 0)
                    Problem(choice.Line, "the choice has no feedback: explain below it why it leads where it does");
            }
        }

        // Reachable from the start, following choices.
        var reachable = new HashSet<ScenarioNode>();
        var queue = new Queue<ScenarioNode>([scenario.Nodes[0]]);
        while (queue.TryDequeue(out var node))
        {
            if (!reachable.Add(node)) continue;
            foreach (var choice in node.Choices)
                if (nodes.TryGetValue(choice.Target, out var next)) queue.Enqueue(next);
        }
        foreach (var node in scenario.Nodes.Where(n => !reachable.Contains(n)))
            Problem(node.Line, $"no choice leads to '{node.Id}', so no learner can reach it (the scenario starts at '{scenario.Nodes[0].Id}')");

        // Nodes from which an ending can be reached, working backwards from the endings.
        var canEnd = scenario.Nodes.Where(n => n.IsEnding).ToHashSet();
        bool grew;
        do
        {
            grew = false;
            foreach (var node in scenario.Nodes.Where(n => !canEnd.Contains(n)))
            {
                if (node.Choices.Any(c => nodes.TryGetValue(c.Target, out var next) && canEnd.Contains(next)))
                    grew = canEnd.Add(node);
            }
        } while (grew);
        foreach (var node in scenario.Nodes.Where(n => reachable.Contains(n) && n.Choices.Count > 0 && !canEnd.Contains(n)))
            Problem(node.Line, $"no path from '{node.Id}' reaches an ending: its choices only lead round in a loop or to dead ends");
    }

    private static void QuestionRules(KnowledgeCheck check, List<ContentProblem> problems)
    {
        void Problem(int line, string message) => problems.Add(new(check.SourcePath, line, message));

        if (check.Questions.Count == 0)
            Problem(check.Line, "the knowledge check has no questions: add one as '## Choose one: ... {#an-id}'");
        foreach (var question in check.Questions)
        {
            if (question.Options.Count == 0) continue; // the parser has said so
            var correct = question.Options.Count(o => o.IsCorrect);
            if (question.Options.Count < 2)
                Problem(question.Line, "the question needs at least two options");
            if (correct == 0)
                Problem(question.Line, "the question has no correct option: mark the right answer with [x]");
            else if (!question.AllowsMultipleAnswers && correct > 1)
                Problem(question.Line, $"the question says 'Choose one' but {correct} options are marked [x]: mark one, or make it 'Choose all that apply'");
            foreach (var option in question.Options.Where(o => o.Explanation.Blocks.Count == 0))
                Problem(option.Line, "the option has no explanation: on the next line, say why it is right or wrong");
        }
    }

    // A learner who gets a question wrong is sent to the page that teaches it, so every question names one that exists.
    private static void TaughtInRules(ContentModule module, KnowledgeCheck check, List<ContentProblem> problems)
    {
        foreach (var question in check.Questions)
        {
            if (question.TaughtIn is not { } taught)
            {
                problems.Add(new(check.SourcePath, question.Line,
                    "say which page teaches this question, on a line of its own below it: 'Taught in: section-id' (or 'section-id#heading-id')"));
                continue;
            }
            var section = module.Sections.FirstOrDefault(s => s.Id == taught.SectionId);
            if (section is not ContentPage and not Scenario)
            {
                var pages = string.Join(", ", module.Sections.Where(s => s is ContentPage or Scenario).Select(s => s.Id));
                problems.Add(new(check.SourcePath, taught.Line, section is null
                    ? $"'Taught in: {taught.SectionId}': there is no section with that id; the pages and scenarios are {pages}"
                    : $"'Taught in: {taught.SectionId}' is a {SectionKind(section)}: name the page or scenario that teaches this ({pages})"));
            }
            else if (taught.HeadingId is { } heading && HeadingIds(section.Body) is var ids && !ids.Contains(heading))
            {
                problems.Add(new(check.SourcePath, taught.Line, ids.Count == 0
                    ? $"'{section.Id}' has no heading with the id '{heading}': give the heading an id, like '## Title {{#{heading}}}', or leave out '#{heading}'"
                    : $"'{section.Id}' has no heading with the id '{heading}': its heading ids are {string.Join(", ", ids)}"));
            }
        }
    }

    private static string SectionKind(ModuleSection section) => section switch
    {
        KnowledgeCheck => "knowledge check",
        Reflection => "reflection",
        _ => "section",
    };

    private static List<string> HeadingIds(Markup body) =>
        body.Blocks.SelectMany(b => b is Markdig.Syntax.HeadingBlock h ? [h] : b is Markdig.Syntax.ContainerBlock c ? c.Descendants<Markdig.Syntax.HeadingBlock>() : [])
            .Select(h => Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(h).Id)
            .OfType<string>().Where(id => id.Length > 0).ToList();

    // Every markdown fragment in the module, with the file it is in.
    internal static IEnumerable<(string Path, Markup Markup)> Fragments(ParsedModule parsed)
    {
        var module = parsed.Module;
        yield return (parsed.ModuleFile, module.Introduction);
        yield return (parsed.ModuleFile, module.ContentWarning);
        yield return (parsed.ModuleFile, module.Signposting);
        foreach (var section in module.Sections)
        {
            foreach (var markup in SectionFragments(section)) yield return (section.SourcePath, markup);
        }
    }

    internal static IEnumerable<Markup> SectionFragments(ModuleSection section)
    {
        yield return section.Body;
        IEnumerable<Markup> inner = section switch
        {
            Scenario s => s.Nodes.SelectMany(n => new[] { n.Narrative, n.GoodPractice }.Concat(n.Choices.Select(c => c.Feedback))),
            KnowledgeCheck k => k.Questions.SelectMany(q => new[] { q.Detail }.Concat(q.Options.SelectMany(o => new[] { o.Label, o.Explanation }))),
            Reflection r => r.Prompts.Select(p => p.Guidance),
            _ => [],
        };
        foreach (var markup in inner) yield return markup;
    }

    public static void Validate(SitePage page, List<ContentProblem> problems) =>
        MarkdownRules(page.SourcePath, page.Body, page.References.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), problems, "the page's");

    private static void MarkdownRules(string path, Markup markup, HashSet<string> keys, List<ContentProblem> problems, string whose = "the module's")
    {
        foreach (var item in ContentMarkdown.Everything(markup.Blocks))
        {
            switch (item)
            {
                case CitationInline citation:
                    foreach (var key in citation.Keys.Where(k => !keys.Contains(k)))
                        problems.Add(new(path, markup.LineOf(citation), $"the citation [@{key}] is not in {whose} references: add a reference with key: {key}"));
                    break;
                case HtmlBlock or HtmlInline:
                    problems.Add(new(path, markup.LineOf(item), "HTML is not allowed in content: write it in markdown"));
                    break;
                case HeadingBlock { Level: 1 }:
                    problems.Add(new(path, markup.LineOf(item), "use ## for headings: the title in the front matter is the page's only # heading"));
                    break;
                default:
                    if (LinkRules.LinkOf(item) is var (url, what) && !LinkRules.IsAllowed(url))
                        problems.Add(new(path, markup.LineOf(item), LinkRules.Problem(url, what)));
                    break;
            }
            var attributes = item.TryGetAttributes();
            if (attributes is not null && ((attributes.Classes?.Count ?? 0) > 0 || (attributes.Properties?.Count ?? 0) > 0))
                problems.Add(new(path, markup.LineOf(item), "only an id may be given in braces, like {#an-id}: classes and other attributes are set by the site"));
        }
    }
}
