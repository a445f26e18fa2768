using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;

namespace CSELearning.Web.Features.Reflections;

// The supervisor's one form on a log: a comment box for every stage and the revision request. Every button in it
// (save comments, request a revision, sign off) sends all of it, so none of them drops what is typed elsewhere.
// Stage and Text are the single comment (or, for a revision request, the note) that pages before this form sent:
// one open in a browser across an upgrade still has its text saved.
public sealed class ReviewForm
{
    public const string RevisionField = "revision-note";

    public int Version { get; set; }
    public int DraftVersion { get; set; }
    public Dictionary<string, string?> Comments { get; set; } = [];
    public string? RevisionNote { get; set; }
    // "I understand signing off locks the log": sign-off is not done without it.
    public bool Confirm { get; set; }
    public string? Stage { get; set; }
    public string? Text { get; set; }

    public static string CommentField(GibbsStage stage) => $"comment-{stage.Key()}";

    public string? Comment(GibbsStage stage) => Comments.GetValueOrDefault(stage.Key());

    public IReadOnlyList<(GibbsStage Stage, string Text)> WrittenComments =>
        GibbsStages.All.Where(s => !string.IsNullOrWhiteSpace(Comment(s))).Select(s => (s, Comment(s)!)).ToList();

    public bool HasRevisionNote => !string.IsNullOrWhiteSpace(RevisionNote);

    // Folds the older single-field shape in: Text is a comment when it names a stage, otherwise the revision note.
    public ReviewForm Normalised()
    {
        if (Text is not null)
        {
            if (GibbsStages.TryParseKey(Stage?.ToLowerInvariant(), out var stage) || Enum.TryParse(Stage, ignoreCase: true, out stage))
                Comments.TryAdd(stage.Key(), Text);
            else
                RevisionNote ??= Text;
            Text = null;
        }
        return this;
    }

    // Each written comment checked against the comment rules, keyed by its box.
    public Dictionary<string, string> CommentProblems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (stage, text) in WrittenComments)
        {
            try { CommentText.Require(text); }
            catch (DomainException exception) { problems[CommentField(stage)] = $"{stage.Heading()}: {exception.Message}"; }
        }
        return problems;
    }

    public Dictionary<string, string?> DraftFields(bool comments, bool revision)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (comments) foreach (var stage in GibbsStages.All) fields[CommentField(stage)] = Comment(stage);
        if (revision) fields[RevisionField] = RevisionNote;
        return fields;
    }

    public static ReviewForm FromDraft(IReadOnlyDictionary<string, string> draft, int draftVersion, int version) => new()
    {
        Version = version,
        DraftVersion = draftVersion,
        Comments = GibbsStages.All.Where(s => draft.ContainsKey(CommentField(s))).ToDictionary(s => s.Key(), s => (string?)draft[CommentField(s)]),
        RevisionNote = draft.GetValueOrDefault(RevisionField),
    };
}

// The author's replies, one box for each stage that has comments, all sent by one button.
public sealed class RepliesForm
{
    public int DraftVersion { get; set; }
    public Dictionary<string, string?> Replies { get; set; } = [];

    public static string ReplyField(GibbsStage stage) => $"reply-{stage.Key()}";

    public string? Reply(GibbsStage stage) => Replies.GetValueOrDefault(stage.Key());

    public IReadOnlyList<(GibbsStage Stage, string Text)> WrittenReplies =>
        GibbsStages.All.Where(s => !string.IsNullOrWhiteSpace(Reply(s))).Select(s => (s, Reply(s)!)).ToList();

    public Dictionary<string, string?> DraftFields() => GibbsStages.All.ToDictionary(ReplyField, Reply, StringComparer.Ordinal);

    public static RepliesForm FromDraft(IReadOnlyDictionary<string, string> draft, int draftVersion) => new()
    {
        DraftVersion = draftVersion,
        Replies = GibbsStages.All.Where(s => draft.ContainsKey(ReplyField(s))).ToDictionary(s => s.Key(), s => (string?)draft[ReplyField(s)]),
    };
}
