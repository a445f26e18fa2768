using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Html;

namespace CSELearning.Web.Content;

// A learning module as the site serves it: read from content/modules/<slug>/, validated and rendered
// to HTML once at start-up. Nothing here is parsed per request.
public sealed class ContentModule
{
    public required string Id { get; init; }
    // The module's folder name under content/modules/.
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required ModuleVersion Version { get; init; }
    // SHA-256 of the module's files (line endings normalised): what a learner actually did.
    public required string ContentHash { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<JobRole> Audience { get; init; }
    public required int EstimatedMinutes { get; init; }
    public required decimal CpdHours { get; init; }
    // Time on the module below which a completion earns only the time spent, not CpdHours (ModuleCompletion).
    public required int MinimumMinutes { get; init; }
    // How many months a completion stays current before the learner should refresh it; none when it does not expire.
    public int? RefreshMonths { get; init; }
    // Whether completing needs a time through each scenario that first ended well (a good ending), not any ending.
    public bool RequiresGoodEnding { get; init; }
    public required IReadOnlyList<string> LearningOutcomes { get; init; }
    public required Markup ContentWarning { get; init; }
    public required Markup Signposting { get; init; }
    // The percentage of knowledge-check questions to answer correctly, 1 to 100.
    public required int PassMark { get; init; }
    public required DateOnly ReviewDate { get; init; }
    public required IReadOnlyList<Reference> References { get; init; }
    // The change log, newest first; the first entry is this version.
    public required IReadOnlyList<VersionChange> Changes { get; init; }
    // The markdown below module.md's front matter.
    public required Markup Introduction { get; init; }
    // Pages, scenarios, knowledge checks and reflection prompts, in file-name order.
    public required IReadOnlyList<ModuleSection> Sections { get; init; }

    public IEnumerable<T> SectionsOf<T>() where T : ModuleSection => Sections.OfType<T>();

    public ModuleSection? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);

    // Whether a completion of completed is due for refresh: a major change has been
    // published since. Minor (wording) changes never call a learner back.
    public bool IsSupersededByMajorChange(ModuleVersion completed) =>
        Changes.Any(c => c.Kind == ChangeKind.Major && c.Version > completed && c.Version <= Version);
}

// A page of the site written as content rather than code, shared by every module: the glossary, the page
// on where to get support, and the page on the law, guidance and referral routes. Read from
// content/<id>.md, rendered once like a module's pages.
public sealed class SitePage
{
    // The pages the site serves from the content directory, by id (their file name without .md).
    public static readonly IReadOnlyList<string> Ids = ["glossary", "support", "law"];

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string SourcePath { get; init; }
    public required IReadOnlyList<Reference> References { get; init; }
    public required Markup Body { get; init; }
}

// A pre-rendered fragment of content; Html is ready for a view as it is.
public sealed class Markup
{
    public static Markup Empty { get; } = new([], null);

    internal Markup(IReadOnlyList<Markdig.Syntax.Block> blocks, int? fixedLine, bool inline = false)
    {
        Blocks = blocks;
        FixedLine = fixedLine;
        Inline = inline;
    }

    // Parsed markdown, kept only until the fragment is rendered.
    internal IReadOnlyList<Markdig.Syntax.Block> Blocks { get; set; }

    // For markdown held in a front-matter field: the field's line, used for every problem inside it.
    internal int? FixedLine { get; }

    // Rendered without a surrounding paragraph (an answer option's label).
    internal bool Inline { get; }

    public HtmlString Html { get; internal set; } = HtmlString.Empty;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Html.Value);

    // The 1-based line in the source file of something inside this fragment.
    internal int LineOf(Markdig.Syntax.MarkdownObject item) => FixedLine ?? item.Line + 1;
}

public enum ChangeKind
{
    // Wording, corrections, presentation: earlier completions stand.
    Minor,
    // Substance: earlier completions are due for refresh.
    Major,
}

public sealed record VersionChange(ModuleVersion Version, ChangeKind Kind, string Summary);

// A work that pages and feedback cite by Key as [@key].
public sealed record Reference(string Key, string Author, int Year, string Title, string? Publisher, string? Url, string CitedAs)
{
    // The fragment id of this reference in the module's reference list; citations link to it.
    public string Anchor => ReferenceAnchor(Key);

    // The short form used in text: "Hallett, 2015".
    public string ShortCitation => $"{CitedAs}, {Year}";

    public static string ReferenceAnchor(string key) => "ref-" + key;
}

public abstract class ModuleSection
{
    // Words the site uses in module addresses beside section ids (/modules/{id}/start,
    // /modules/{id}/completion): no section may take one, or it would hide a page of the journey.
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal) { "start", "completion" };

    // The longest id the site records (module, section, node, question and prompt ids).
    public const int MaxIdLength = 100;

    public required string Id { get; init; }
    public required string Title { get; init; }
    // The file it came from, relative to the content directory.
    public required string SourcePath { get; init; }
    // The line of its id in the file's front matter.
    public required int Line { get; init; }
    // A page's text; for the other kinds, the text before their first ## heading.
    public required Markup Body { get; init; }
}

public sealed class ContentPage : ModuleSection;

// A branching scenario: the first node is where the learner starts.
public sealed class Scenario : ModuleSection
{
    public required IReadOnlyList<ScenarioNode> Nodes { get; init; }

    public ScenarioNode? Start => Nodes.Count > 0 ? Nodes[0] : null;

    public ScenarioNode? FindNode(string id) => Nodes.FirstOrDefault(n => n.Id == id);
}

public sealed class ScenarioNode
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Line { get; init; }
    public required bool IsEnding { get; init; }
    // For an ending: how it turned out. Null for a node, and for an ending the parser refused.
    public EndingOutcome? Outcome { get; init; }
    // The narrative; for an ending, what happened.
    public required Markup Narrative { get; init; }
    // For an ending: what good practice would have been.
    public required Markup GoodPractice { get; init; }
    public required IReadOnlyList<ScenarioChoice> Choices { get; init; }
}

// Where a run of a scenario ended, as the author judged it: a good ending is the child protected by good practice.
public enum EndingOutcome
{
    Good,
    Mixed,
    Poor,
}

public static class EndingOutcomeText
{
    // As written in the content: good, mixed, poor.
    public static string Text(this EndingOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static string TagClass(this EndingOutcome outcome) => outcome switch
    {
        EndingOutcome.Good => "govuk-tag govuk-tag--green",
        EndingOutcome.Mixed => "govuk-tag govuk-tag--yellow",
        EndingOutcome.Poor => "govuk-tag govuk-tag--red",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}

public sealed class ScenarioChoice
{
    // What the form posts: stable for this version of the content, never the choice's position on the page.
    public required string Key { get; init; }
    public required string Text { get; init; }
    // Written "(keep in place)": shown where it is written, not shuffled.
    public required bool IsPinned { get; init; }
    public required string Target { get; init; }
    public required bool IsRecommended { get; init; }
    public required int Line { get; init; }
    // Why this choice leads where it does; shown after the learner makes it.
    public required Markup Feedback { get; init; }
}

public sealed class KnowledgeCheck : ModuleSection
{
    public required IReadOnlyList<Question> Questions { get; init; }
}

public sealed class Question
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required bool AllowsMultipleAnswers { get; init; }
    public required int Line { get; init; }
    // Anything between the question and its options.
    public required Markup Detail { get; init; }
    public required IReadOnlyList<AnswerOption> Options { get; init; }
    // The section that teaches what the question asks (written "Taught in: section-id#heading-id"): where a learner
    // who got it wrong is sent, instead of being shown the answer.
    public TaughtIn? TaughtIn { get; init; }
    // Whether the question sets a practice situation and asks what to do (written "Applied: yes"), rather than
    // asking for knowledge; a module's check is expected to be at least half applied.
    public bool Applied { get; init; }
}

public sealed record TaughtIn(string SectionId, string? HeadingId, int Line);

public sealed class AnswerOption
{
    // What the form posts: stable for this version of the content, never the option's position on the page.
    public required string Key { get; init; }
    public required Markup Label { get; init; }
    // Written "(keep in place)", as for "None of these": shown where it is written, not shuffled.
    public required bool IsPinned { get; init; }
    public required bool IsCorrect { get; init; }
    public required int Line { get; init; }
    public required Markup Explanation { get; init; }
}

// Prompts that open a reflective log entry.
public sealed class Reflection : ModuleSection
{
    public required IReadOnlyList<ReflectionPrompt> Prompts { get; init; }
}

public sealed class ReflectionPrompt
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required int Line { get; init; }
    public required Markup Guidance { get; init; }
}
