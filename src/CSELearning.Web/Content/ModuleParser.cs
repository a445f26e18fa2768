using System.Text;
using System.Text.RegularExpressions;
using CSELearning.Web.Domain;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CSELearning.Web.Content;

// Reads one module folder (module.md and its section files) into the content model, unrendered. Anything that
// does not follow the format is a problem with its file and line; the parser carries on so that an author sees
// every problem at once.
internal sealed partial class ModuleParser
{
    public const string ModuleFileName = "module.md";

    private static readonly string[] ModuleFields =
    [
        "id", "title", "version", "changes", "summary", "audience", "estimated_minutes", "minimum_minutes", "cpd_hours", "refresh_months",
        "require_good_ending", "learning_outcomes", "content_warning", "signposting", "pass_mark", "review_date", "references",
    ];
    private static readonly string[] ReferenceFields = ["key", "author", "year", "title", "publisher", "url", "cited_as"];
    private static readonly string[] ChangeFields = ["version", "change", "summary"];
    private static readonly string[] SectionFields = ["type", "id", "title"];

    private readonly List<ContentProblem> _problems;

    public ModuleParser(List<ContentProblem> problems) => _problems = problems;

    // Two or more characters: Markdig does not read a one-character {#id} on a heading.
    [GeneratedRegex("^(?=.{2})[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex IdPattern();

    // "Ending (good): title": the outcome in brackets is optional here so that a missing one is reported, not misread.
    [GeneratedRegex(@"^Ending\s*(?:\((?<outcome>[^)]*)\))?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex EndingHeading();

    // The module, or null when module.md is missing or its front matter unreadable.
    public ParsedModule? Parse(string slug, IReadOnlyList<SourceFile> files)
    {
        var folder = $"modules/{slug}/";
        var moduleFile = files.FirstOrDefault(f => f.Path == folder + ModuleFileName);
        if (moduleFile is null)
        {
            _problems.Add(new(folder + ModuleFileName, 0, "this file is missing: every module folder needs a module.md with the module's front matter"));
            return null;
        }

        var fields = YamlFields.ReadFrontMatter(moduleFile, _problems);
        var introduction = Fragment(Body(moduleFile));
        var sections = files.Where(f => f != moduleFile).OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(ParseSection).OfType<ModuleSection>().ToList();
        if (fields is null) return null;

        const string what = "the module";
        fields.RejectUnknown(what, ModuleFields);
        var id = Id(fields, what);
        var version = Version(fields, "version", what);
        var references = References(fields);
        var estimatedMinutes = fields.Integer("estimated_minutes", what, 1, 600);
        var module = new ContentModule
        {
            Id = id ?? "",
            Slug = slug,
            Title = fields.Text("title", what) ?? "",
            Version = version ?? default,
            ContentHash = ContentHash.Of(files),
            Summary = fields.Text("summary", what) ?? "",
            Audience = Audience(fields),
            EstimatedMinutes = estimatedMinutes ?? 0,
            CpdHours = fields.Number("cpd_hours", what, 0.25m, 100m) ?? 0,
            MinimumMinutes = MinimumMinutes(fields, estimatedMinutes),
            RefreshMonths = fields.Has("refresh_months") ? fields.Integer("refresh_months", what, 1, 120) : null,
            RequiresGoodEnding = fields.Has("require_good_ending") && fields.Boolean("require_good_ending", what) == true,
            LearningOutcomes = fields.TextList("learning_outcomes", what)?.Select(o => o.Value).ToList() ?? [],
            ContentWarning = MarkdownField(fields, "content_warning", what,
                "every module warns learners, before they start, about material they may find distressing"),
            Signposting = MarkdownField(fields, "signposting", what,
                "every module says who a learner can talk to if the material is distressing"),
            PassMark = fields.Integer("pass_mark", what, 1, 100) ?? 0,
            ReviewDate = fields.Date("review_date", what) ?? default,
            References = references,
            Changes = Changes(fields, version),
            Introduction = introduction,
            Sections = sections,
        };
        return new ParsedModule(module, moduleFile.Path, fields.LineOfField("id"), AllSectionsRead: sections.Count == files.Count - 1);
    }

    private static string? Id(YamlFields fields, string what)
    {
        var id = fields.Text("id", what);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            fields.Problem(fields.LineOfField("id"), $"the id '{id}' must be two or more lower-case letters, digits and hyphens, like recognising-exploitation");
            return null;
        }
        return id;
    }

    // Without minimum_minutes: well short of the estimate, so a quick reader still earns the module's hours and a
    // click-through does not.
    private const decimal DefaultMinimumShare = 0.3m;

    private static int MinimumMinutes(YamlFields fields, int? estimatedMinutes) => fields.Has("minimum_minutes")
        ? fields.Integer("minimum_minutes", "the module", 1, estimatedMinutes ?? 600) ?? 0
        : (int)Math.Ceiling((estimatedMinutes ?? 0) * DefaultMinimumShare);

    private static ModuleVersion? Version(YamlFields fields, string name, string what)
    {
        var text = fields.Text(name, what);
        if (text is null) return null;
        if (ModuleVersion.TryParse(text, out var version)) return version;
        fields.Problem(fields.LineOfField(name), $"'{name}' must be three numbers with dots between, like 1.2.0, not '{text}'");
        return null;
    }

    private static List<JobRole> Audience(YamlFields fields)
    {
        var roles = new List<JobRole>();
        foreach (var (value, line) in fields.TextList("audience", "the module") ?? [])
        {
            if (EnumDisplay.TryParseDisplay<JobRole>(value, out var role)) roles.Add(role);
            else fields.Problem(line, $"'{value}' is not a job role: use one of {string.Join(", ", Enum.GetValues<JobRole>().Select(r => r.DisplayName()))}");
        }
        return roles;
    }

    private Markup MarkdownField(YamlFields fields, string name, string what, string why)
    {
        var text = fields.Text(name, what, why: why);
        return text is null ? Markup.Empty : new Markup(Parse(text, fields.Path, fields.LineOfField(name)).ToList(), fields.LineOfField(name));
    }

    private static List<Reference> References(YamlFields fields)
    {
        var references = new List<Reference>();
        if (!fields.Has("references")) return references;
        foreach (var item in fields.FieldsList("references", "the module") ?? [])
        {
            const string what = "a reference";
            item.RejectUnknown(what, ReferenceFields);
            var key = item.Text("key", what);
            var author = item.Text("author", what);
            var year = item.Integer("year", what, 1800, 2200);
            var title = item.Text("title", what);
            var url = item.Text("url", what, required: false);
            if (key is not null && !ContentMarkdown.KeyPattern().IsMatch(key))
            {
                item.Problem(item.LineOfField("key"), $"the reference key '{key}' must be letters, digits, hyphens and underscores, like hallett2015");
                key = null;
            }
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                item.Problem(item.LineOfField("url"), $"the url '{url}' must be a full web address starting https://");
            if (key is null || author is null || year is null || title is null) continue;
            if (references.Any(r => r.Key == key))
            {
                item.Problem(item.LineOfField("key"), $"the reference key '{key}' is used twice: each reference needs its own key");
                continue;
            }
            // "Hallett, S." is cited as "Hallett"; an organisation without a comma is cited in full.
            var citedAs = item.Text("cited_as", what, required: false) ?? author.Split(',')[0].Trim();
            references.Add(new Reference(key, author, year.Value, title, item.Text("publisher", what, required: false), url, citedAs));
        }
        return references;
    }

    private static List<VersionChange> Changes(YamlFields fields, ModuleVersion? version)
    {
        var changes = new List<VersionChange>();
        foreach (var item in fields.FieldsList("changes", "the module") ?? [])
        {
            const string what = "a change";
            item.RejectUnknown(what, ChangeFields);
            var changed = Version(item, "version", what);
            var kind = item.Text("change", what) switch
            {
                null => (ChangeKind?)null,
                var k when k.Equals("major", StringComparison.OrdinalIgnoreCase) => ChangeKind.Major,
                var k when k.Equals("minor", StringComparison.OrdinalIgnoreCase) => ChangeKind.Minor,
                var k => Unknown(item, k),
            };
            var summary = item.Text("summary", what);
            if (changed is null || kind is null || summary is null) continue;
            if (changes.Count > 0 && changed >= changes[^1].Version)
                item.Problem(item.Line, $"list changes newest first: {changed} is listed after {changes[^1].Version}");
            else if (changes.Count == 0 && version is not null && changed != version)
                item.Problem(item.Line, $"the first change must be this version, {version}, not {changed}: add an entry for {version} saying whether it is a major or minor change");
            changes.Add(new VersionChange(changed.Value, kind.Value, summary));
        }
        return changes;

        static ChangeKind? Unknown(YamlFields item, string value)
        {
            item.Problem(item.LineOfField("change"), $"'change' must be major (substance: earlier completions are due for refresh) or minor (wording), not '{value}'");
            return null;
        }
    }

    private static readonly string[] SitePageFields = ["title", "references"];

    // A site page (glossary.md, support.md, law.md): a title, references if it cites, and markdown.
    public SitePage? ParseSitePage(string id, SourceFile file)
    {
        var fields = YamlFields.ReadFrontMatter(file, _problems);
        var body = Fragment(Body(file));
        if (fields is null) return null;
        const string what = "the page";
        fields.RejectUnknown(what, SitePageFields);
        var title = fields.Text("title", what);
        if (body.Blocks.Count == 0) _problems.Add(new(file.Path, 1, "the page has no text below its front matter"));
        return new SitePage { Id = id, Title = title ?? "", SourcePath = file.Path, References = References(fields), Body = body };
    }

    private List<Block> Body(SourceFile file) =>
        Parse(file.Text, file.Path, 1).Where(b => b is not YamlFrontMatterBlock).ToList();

    // Markdown that Markdig cannot read (it gives up on some input nested too deeply) is a problem at its line,
    // never a crash: ContentLimits keeps most of it out, and this catches the rest.
    private MarkdownDocument Parse(string text, string path, int line)
    {
        try
        {
            return Markdown.Parse(text, ContentMarkdown.Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            _problems.Add(new(path, line, $"the markdown could not be read ({ex.Message.TrimEnd('.')}): look for lists, quotes, emphasis or brackets nested very deeply"));
            return [];
        }
    }

    private static Markup Fragment(List<Block> blocks) => blocks.Count == 0 ? Markup.Empty : new Markup(blocks, null);

    private ModuleSection? ParseSection(SourceFile file)
    {
        if (YamlFields.ReadFrontMatter(file, _problems) is not { } fields) return null;
        const string what = "the file";
        fields.RejectUnknown(what, SectionFields);
        var type = fields.Text("type", what, why: "say what the file is: page, scenario, knowledge-check or reflection");
        var id = Id(fields, what);
        var title = fields.Text("title", what);
        if (type is null || id is null || title is null) return null;

        var body = Body(file);
        var line = fields.LineOfField("id");
        var reader = new SectionReader(file.Path, _problems);
        switch (type)
        {
            case "page":
                return new ContentPage { Id = id, Title = title, SourcePath = file.Path, Line = line, Body = Fragment(body) };
            case "scenario":
                var (intro, nodes) = reader.Scenario(body);
                return new Scenario { Id = id, Title = title, SourcePath = file.Path, Line = line, Body = Fragment(intro), Nodes = nodes };
            case "knowledge-check":
                var (checkIntro, questions) = reader.KnowledgeCheck(body);
                return new KnowledgeCheck { Id = id, Title = title, SourcePath = file.Path, Line = line, Body = Fragment(checkIntro), Questions = questions };
            case "reflection":
                var (reflectionIntro, prompts) = reader.Reflection(body);
                return new Reflection { Id = id, Title = title, SourcePath = file.Path, Line = line, Body = Fragment(reflectionIntro), Prompts = prompts };
            default:
                fields.Problem(fields.LineOfField("type"), $"'type' must be page, scenario, knowledge-check or reflection, not '{type}'");
                return null;
        }
    }

    // The structure inside section files: ## headings that start nodes, questions and prompts.
    private sealed class SectionReader(string path, List<ContentProblem> problems)
    {
        private void Problem(MarkdownObject at, string message) => problems.Add(new(path, at.Line + 1, message));

        public (List<Block> Intro, List<ScenarioNode> Nodes) Scenario(List<Block> body)
        {
            var intro = new List<Block>();
            var nodes = new List<ScenarioNode>();
            NodeDraft? node = null;
            ChoiceDraft? choice = null;
            var skipping = false;

            foreach (var block in body)
            {
                if (block is HeadingBlock { Level: 2 } h2)
                {
                    Finish();
                    var text = HeadingText(h2);
                    var ending = EndingHeading().Match(text);
                    var title = ending.Success ? text[ending.Length..].Trim() : text;
                    if (ending.Success || StripPrefix(text, "Node:", out title))
                    {
                        var outcome = ending.Success ? Outcome(h2, ending.Groups["outcome"], title) : null;
                        node = new NodeDraft(HeadingId(h2, ending.Success ? "ending" : "node", title), title, h2.Line + 1, ending.Success, outcome);
                        skipping = false;
                    }
                    else
                    {
                        Problem(h2, $"a scenario's ## headings start with 'Node:' or 'Ending (good, mixed or poor):', not '## {text}'");
                        skipping = true;
                    }
                }
                else if (skipping) continue; // under a heading already reported
                else if (block is HeadingBlock { Level: 3 } h3 && node is not null && ChoiceHeading(h3) is var (recommended, choiceText))
                {
                    if (node.IsEnding)
                    {
                        Problem(h3, "an ending has no choices: make it a '## Node:' if the story goes on");
                        continue;
                    }
                    var (written, target) = SplitTarget(choiceText);
                    var (label, pinned) = TakePinMarker(written);
                    if (target is null) Problem(h3, $"say where the choice leads with an arrow and a node id at the end: '### Choice: {choiceText} -> next-node-id'");
                    choice = new ChoiceDraft(label, target ?? "", recommended, pinned, h3.Line + 1);
                    node.Choices.Add(choice);
                }
                else if (block is HeadingBlock { Level: 3 } gp && node is not null && IsGoodPractice(gp))
                {
                    if (node.IsEnding) node.InGoodPractice = true;
                    else Problem(gp, "'### Good practice' belongs in an ending ('## Ending (good): ...'), not in a node");
                }
                else if (choice is not null) choice.Feedback.Add(block);
                else if (node is null) intro.Add(block);
                else if (node.InGoodPractice) node.GoodPractice.Add(block);
                else node.Narrative.Add(block);
            }
            Finish();
            return (intro, nodes);

            void Finish()
            {
                if (node is not null) nodes.Add(node.Build());
                node = null;
                choice = null;
            }
        }

        // Required, so that a run of the scenario can be judged by where it ended.
        private EndingOutcome? Outcome(HeadingBlock heading, Group written, string title)
        {
            var example = $"'## Ending (good): {title.Split('{')[0].Trim()}'";
            if (!written.Success)
            {
                Problem(heading, $"say how the ending turned out for the child and the practitioner, good, mixed or poor, in brackets: {example}");
                return null;
            }
            var word = written.Value.Trim();
            if (Enum.TryParse<EndingOutcome>(word, ignoreCase: true, out var outcome) && word.All(char.IsLetter)) return outcome;
            Problem(heading, $"an ending's outcome is good, mixed or poor, not '{word}': {example}");
            return null;
        }

        public (List<Block> Intro, List<Question> Questions) KnowledgeCheck(List<Block> body)
        {
            var intro = new List<Block>();
            var questions = new List<Question>();
            QuestionDraft? question = null;
            var skipping = false;

            foreach (var block in body)
            {
                if (block is HeadingBlock { Level: 2 } h2)
                {
                    Finish();
                    var text = HeadingText(h2);
                    var multiple = StripPrefix(text, "Choose all that apply:", out var prompt);
                    if (multiple || StripPrefix(text, "Choose one:", out prompt))
                    {
                        question = new QuestionDraft(HeadingId(h2, "question", prompt), prompt, multiple, h2.Line + 1);
                        skipping = false;
                    }
                    else
                    {
                        Problem(h2, $"a knowledge check's ## headings start with 'Choose one:' or 'Choose all that apply:', not '## {text}'");
                        skipping = true;
                    }
                }
                else if (skipping) continue; // under a heading already reported
                else if (question is null) intro.Add(block);
                else if (question.Options is not null)
                    Problem(block, "nothing may follow a question's options: put it in an option's explanation, or above the options");
                else if (block is ListBlock list) question.Options = Options(list, question.Id);
                else if (block is ParagraphBlock { Inline: { } inline } paragraph && QuestionMarkerLines(inline) is { } markers)
                {
                    // "Taught in:" and "Applied:" may share a paragraph (one line each) or stand apart.
                    foreach (var (marker, index) in markers.Select((m, i) => (m, i)))
                    {
                        var line = paragraph.Line + 1 + index;
                        if (TaughtInLine(marker) is var (written, taught))
                        {
                            if (question.TaughtIn is not null) Problem(paragraph, "the question already says where it is taught: keep one 'Taught in:' line");
                            else if (taught is null) Problem(paragraph, $"'Taught in: {written}' should name a section by its id, with a heading's id after # if you like: 'Taught in: how-grooming-works#the-pattern'");
                            else question.TaughtIn = taught with { Line = line };
                        }
                        else if (StripPrefix(marker, AppliedPrefix, out var value))
                        {
                            if (question.Applied) Problem(paragraph, "the question is already marked applied: keep one 'Applied: yes' line");
                            else if (!string.Equals(value.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                                Problem(paragraph, $"'Applied: {value.Trim()}' should be 'Applied: yes' (a question that sets a practice situation), or left out (a question of knowledge)");
                            else question.Applied = true;
                        }
                        else Problem(paragraph, $"'{(marker.Length > 60 ? marker[..60] + "…" : marker)}' is not a 'Taught in:' or 'Applied:' line: put the question's own text apart from them, after a blank line");
                    }
                }
                else question.Detail.Add(block);
            }
            Finish();
            return (intro, questions);

            void Finish()
            {
                if (question is null) return;
                if (question.Options is null)
                    problems.Add(new(path, question.Line, "the question has no options: list them below it as '- [x] a correct answer' and '- [ ] an incorrect one'"));
                questions.Add(question.Build());
                question = null;
            }
        }

        private List<AnswerOption> Options(ListBlock list, string questionId)
        {
            var options = new List<AnswerOption>();
            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.FirstOrDefault() is not ParagraphBlock { Inline.FirstChild: TaskList marker } first)
                {
                    Problem(item, "start each option with [x] for a correct answer or [ ] for an incorrect one: '- [x] Going missing often'");
                    continue;
                }
                marker.Remove();
                var (label, explanationStart) = SplitFirstLine(first);
                var pinned = TakePinMarker(label);
                var explanation = new List<Block>();
                if (explanationStart is not null) explanation.Add(explanationStart);
                explanation.AddRange(item.Skip(1));
                options.Add(new AnswerOption
                {
                    Key = OptionKey(questionId, options.Count + 1, label.Inline is null ? "" : PlainText(label.Inline)),
                    Label = new Markup([label], null, inline: true),
                    IsPinned = pinned,
                    IsCorrect = marker.Checked,
                    Line = item.Line + 1,
                    Explanation = explanation.Count == 0 ? Markup.Empty : new Markup(explanation, null),
                });
            }
            return options;
        }

        public (List<Block> Intro, List<ReflectionPrompt> Prompts) Reflection(List<Block> body)
        {
            var intro = new List<Block>();
            var prompts = new List<ReflectionPrompt>();
            (string Id, string Text, int Line, List<Block> Guidance)? prompt = null;
            var skipping = false;

            foreach (var block in body)
            {
                if (block is HeadingBlock { Level: 2 } h2)
                {
                    Finish();
                    var text = HeadingText(h2);
                    if (StripPrefix(text, "Prompt:", out var question))
                    {
                        prompt = (HeadingId(h2, "prompt", question), question, h2.Line + 1, new List<Block>());
                        skipping = false;
                    }
                    else
                    {
                        Problem(h2, $"a reflection's ## headings start with 'Prompt:', not '## {text}'");
                        skipping = true;
                    }
                }
                else if (skipping) continue; // under a heading already reported
                else if (prompt is null) intro.Add(block);
                else prompt.Value.Guidance.Add(block);
            }
            Finish();
            return (intro, prompts);

            void Finish()
            {
                if (prompt is { } p)
                    prompts.Add(new ReflectionPrompt { Id = p.Id, Text = p.Text, Line = p.Line, Guidance = Fragment(p.Guidance) });
                prompt = null;
            }
        }

        private string HeadingId(HeadingBlock heading, string what, string title)
        {
            var id = heading.GetAttributes().Id;
            if (string.IsNullOrEmpty(id))
            {
                // Braces Markdig could not read stay in the heading's text.
                Problem(heading, title.EndsWith('}') && title.Contains("{#", StringComparison.Ordinal)
                    ? $"the id in braces could not be read: ids are two or more lower-case letters, digits and hyphens, like '{{#{Suggest(title)}}}'"
                    : $"give the {what} an id at the end of its heading, like '{{#{Suggest(title)}}}'");
                return "";
            }
            if (!IdPattern().IsMatch(id))
            {
                Problem(heading, $"the id '{id}' must be two or more lower-case letters, digits and hyphens, like '{{#{Suggest(title)}}}'");
                return "";
            }
            return id;
        }

        private static string Suggest(string title)
        {
            var words = Regex.Split(title.Split('{')[0].ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0).Take(4);
            var id = string.Join('-', words);
            return IdPattern().IsMatch(id) ? id : "an-id";
        }
    }

    private static (bool Recommended, string Text)? ChoiceHeading(HeadingBlock heading)
    {
        var text = HeadingText(heading);
        if (StripPrefix(text, "Recommended choice:", out var rest)) return (true, rest);
        if (StripPrefix(text, "Choice:", out rest)) return (false, rest);
        return null;
    }

    public const string PinMarker = "(keep in place)";

    private const string TaughtInPrefix = "Taught in:";
    private const string AppliedPrefix = "Applied:";

    // The lines of a paragraph that holds a question's "Taught in:" or "Applied:" line (recognised as the lines
    // themselves are read, whatever the case of the prefix); null for any other paragraph.
    private static string[]? QuestionMarkerLines(ContainerInline inline)
    {
        var lines = PlainText(inline, lineBreak: "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Any(l => StripPrefix(l, TaughtInPrefix, out _) || StripPrefix(l, AppliedPrefix, out _)) ? lines : null;
    }

    // "Taught in: section-id" or "Taught in: section-id#heading-id"; null when the paragraph is something else.
    private static (string Written, TaughtIn? TaughtIn)? TaughtInLine(string text)
    {
        if (!StripPrefix(text.Trim(), TaughtInPrefix, out var rest)) return null;
        var parts = rest.Trim().Split('#');
        var valid = parts.Length <= 2 && parts.All(p => IdPattern().IsMatch(p));
        return (rest.Trim(), valid ? new TaughtIn(parts[0], parts.Length == 2 ? parts[1] : null, 0) : null);
    }

    private static (string Text, bool Pinned) TakePinMarker(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith(PinMarker, StringComparison.OrdinalIgnoreCase)
            ? (trimmed[..^PinMarker.Length].TrimEnd(), true)
            : (text, false);
    }

    // The marker is the end of the option's first line, so it is the end of its last piece of plain text.
    private static bool TakePinMarker(ParagraphBlock label)
    {
        if (label.Inline?.LastChild is not LiteralInline last) return false;
        var (text, pinned) = TakePinMarker(last.Content.ToString());
        if (pinned) last.Content = new Markdig.Helpers.StringSlice(text);
        return pinned;
    }

    // Unique within its question or node (the written number is part of it) and unlike any other question's.
    internal static string OptionKey(string parentId, int number, string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{parentId}\n{number}\n{text}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    private static bool IsGoodPractice(HeadingBlock heading) =>
        HeadingText(heading).TrimEnd(':').Trim().Equals("Good practice", StringComparison.OrdinalIgnoreCase);

    // "Ask Jade how she is -> talk-to-jade" (or with →) into the choice's text and its target.
    private static (string Text, string? Target) SplitTarget(string text)
    {
        var arrow = Math.Max(text.LastIndexOf("->", StringComparison.Ordinal), text.LastIndexOf('→'));
        if (arrow < 0) return (text, null);
        var target = text[(arrow + (text[arrow] == '→' ? 1 : 2))..].Trim();
        return (text[..arrow].Trim(), target.Length == 0 ? null : target);
    }

    private static bool StripPrefix(string text, string prefix, out string rest)
    {
        rest = text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..].Trim() : text;
        return !ReferenceEquals(rest, text);
    }

    internal static string HeadingText(HeadingBlock heading) => heading.Inline is null ? "" : PlainText(heading.Inline);

    // The words of some inline markdown, without its markup.
    internal static string PlainText(ContainerInline inlines, string lineBreak = " ")
    {
        var text = new StringBuilder();
        Append(inlines);
        return text.ToString().Trim();

        void Append(ContainerInline container)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal: text.Append(literal.Content); break;
                    case CodeInline code: text.Append(code.Content); break;
                    case LineBreakInline: text.Append(lineBreak); break;
                    case ContainerInline inner: Append(inner); break;
                    default: break;
                }
            }
        }
    }

    // An option's first line is its label and anything after it the explanation, so that an author can write
    // the explanation on the next line with or without a blank line between.
    private static (ParagraphBlock Label, ParagraphBlock? Explanation) SplitFirstLine(ParagraphBlock paragraph)
    {
        var inlines = paragraph.Inline!.ToList();
        var lineBreak = inlines.FindIndex(i => i is LineBreakInline);
        if (inlines.FirstOrDefault() is LiteralInline first)
        {
            var content = first.Content;
            content.TrimStart();
            first.Content = content;
        }
        if (lineBreak < 0) return (paragraph, null);

        var explanation = new ParagraphBlock { Line = inlines.Count > lineBreak + 1 ? inlines[lineBreak + 1].Line : paragraph.Line, Inline = new ContainerInline() };
        foreach (var inline in inlines.Skip(lineBreak))
        {
            inline.Remove();
            if (inline is not LineBreakInline || explanation.Inline.FirstChild is not null) explanation.Inline.AppendChild(inline);
        }
        return (paragraph, explanation.Inline.FirstChild is null ? null : explanation);
    }

    private sealed class NodeDraft(string id, string title, int line, bool isEnding, EndingOutcome? outcome)
    {
        public bool IsEnding => isEnding;
        public bool InGoodPractice { get; set; }
        public List<Block> Narrative { get; } = [];
        public List<Block> GoodPractice { get; } = [];
        public List<ChoiceDraft> Choices { get; } = [];

        public ScenarioNode Build() => new()
        {
            Id = id,
            Title = title,
            Line = line,
            IsEnding = isEnding,
            Outcome = outcome,
            Narrative = Fragment(Narrative),
            GoodPractice = Fragment(GoodPractice),
            Choices = Choices.Select((c, i) => c.Build(id, i + 1)).ToList(),
        };
    }

    private sealed class ChoiceDraft(string text, string target, bool recommended, bool pinned, int line)
    {
        public List<Block> Feedback { get; } = [];

        public ScenarioChoice Build(string nodeId, int number) => new()
        {
            Key = OptionKey(nodeId, number, text),
            Text = text,
            IsPinned = pinned,
            Target = target,
            IsRecommended = recommended,
            Line = line,
            Feedback = Fragment(Feedback),
        };
    }

    private sealed class QuestionDraft(string id, string text, bool multiple, int line)
    {
        public string Id => id;
        public int Line => line;
        public List<Block> Detail { get; } = [];
        public TaughtIn? TaughtIn { get; set; }
        public bool Applied { get; set; }
        public List<AnswerOption>? Options { get; set; }

        public Question Build() => new()
        {
            Id = id,
            Text = text,
            AllowsMultipleAnswers = multiple,
            Line = line,
            Detail = Fragment(Detail),
            Options = Options ?? [],
            TaughtIn = TaughtIn,
            Applied = Applied,
        };
    }
}

// A parsed module with what the validator needs beyond the model: where its id is written, and whether every
// section file could be read (if not, rules about the whole module would only repeat the parser's problem).
internal sealed record ParsedModule(ContentModule Module, string ModuleFile, int IdLine, bool AllSectionsRead);
