using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

public static class Open
{
    public sealed record Model(ReflectiveLog Log, Reader Reader, ReflectionText Text, LogForm Form, string AuthorName,
        IReadOnlyList<CommentView> Comments, string? RevisionNote, string? ReopenReason, PromptView? Prompt,
        bool HasSupervisor, string? Problem, IReadOnlyDictionary<string, string> Errors, bool Conflict, ReviewDraft? Review,
        IReadOnlyList<ReplyView> Replies, ReviewForm ReviewForm, RepliesForm RepliesForm, string? ProblemField)
    {
        // A stage's thread: its comments and the author's replies, in the order they were written.
        public IReadOnlyList<ThreadEntry> Thread(GibbsStage stage) =>
            Comments.Where(c => c.Stage == stage).Select(c => new ThreadEntry(c.SupervisorName, c.At, c.Text, FromAuthor: false))
                .Concat(Replies.Where(r => r.Stage == stage).Select(r => new ThreadEntry(r.AuthorName, r.At, r.Text, FromAuthor: true)))
                .OrderBy(e => e.At).ToList();

        public bool HasComments(GibbsStage stage) => Comments.Any(c => c.Stage == stage);
    }

    public sealed record ReplyView(GibbsStage Stage, string AuthorName, DateTime At, string Text);

    public sealed record ThreadEntry(string Name, DateTime At, string Text, bool FromAuthor);

    // A supervisor's comment, revision request or reopening reason that was refused: shown again in its box, with
    // the refusal (the model's Problem) beside it. Stage: the stage a comment is on.
    public sealed record ReviewDraft(string Form, string? Stage, string Text)
    {
        public const string Comment = "comment";
        public const string Revision = "revision";
        public const string Reopen = "reopen";
        public const string SignOff = "sign-off";

        public string FieldId => Form switch
        {
            Comment => $"comment-{Stage}",
            Revision => "revision-note",
            SignOff => "confirm-sign-off",
            _ => "reopen-reason",
        };
    }

    public sealed record CommentView(GibbsStage Stage, string SupervisorName, DateTime At, string Text);

    public sealed record PromptView(string ModuleId, string ModuleTitle, string Version, string Text, Markup Guidance);

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access, ReviewDrafts drafts, ContentCatalog catalog)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: true, cancellationToken) is not var (log, reader)) return null;
            return await ModelAsync(log, reader, principal.UserId(), form: null, problem: null, errors: null, conflict: false, cancellationToken);
        }

        // The viewer's own drafts of the review forms fill their boxes, unless a refused post brings its own text back.
        public async Task<Model> ModelAsync(ReflectiveLog log, Reader reader, Guid viewerId, LogForm? form, string? problem,
            IReadOnlyDictionary<string, string>? errors, bool conflict, CancellationToken cancellationToken, ReviewDraft? review = null,
            ReviewForm? reviewForm = null, RepliesForm? replies = null, string? problemField = null)
        {
            var text = log.Read(protector);
            var comments = await db.ReviewComments.AsNoTracking().Where(c => c.LogId == log.Id).OrderBy(c => c.CreatedAt)
                .Join(db.Users, c => c.SupervisorId, u => u.Id, (c, u) => new { Comment = c, u.DisplayName })
                .ToListAsync(cancellationToken);
            var replyRows = await db.CommentReplies.AsNoTracking().Where(r => r.LogId == log.Id).OrderBy(r => r.CreatedAt)
                .Join(db.Users, r => r.AuthorId, u => u.Id, (r, u) => new { Reply = r, u.DisplayName })
                .ToListAsync(cancellationToken);
            var draftForm = reader == Reader.Supervisor ? FormDraft.Review : FormDraft.Replies;
            var (draft, draftVersion) = await drafts.ReadAsync(viewerId, log.Id, draftForm, cancellationToken);
            if (reviewForm is not null) (reviewForm.DraftVersion, reviewForm.Version) = (draftVersion, log.Version);
            if (replies is not null) replies.DraftVersion = draftVersion;
            var author = await db.Users.AsNoTracking().Where(u => u.Id == log.AuthorId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            PromptView? prompt = null;
            if (log.ModuleId is { } moduleId && catalog.Find(moduleId) is { } module
                && module.SectionsOf<Content.Reflection>().SelectMany(r => r.Prompts).FirstOrDefault(p => p.Id == log.PromptId) is { } found)
                prompt = new PromptView(module.Id, module.Title, log.ModuleVersion ?? "", found.Text, found.Guidance);
            return new Model(log, reader, text, form ?? LogForm.From(text, log.Version), author,
                comments.Select(c => new CommentView(c.Comment.Stage, c.DisplayName, c.Comment.CreatedAt, c.Comment.Read(protector))).ToList(),
                log.RevisionNote(protector), log.ReopenReason(protector), prompt,
                reader == Reader.Author && (await access.SupervisorsOfAsync(log.AuthorId, cancellationToken)).Count > 0,
                problem, errors ?? new Dictionary<string, string>(), conflict, review,
                replyRows.Select(r => new ReplyView(r.Reply.Stage, r.DisplayName, r.Reply.CreatedAt, r.Reply.Read(protector))).ToList(),
                reviewForm ?? (reader == Reader.Supervisor ? ReviewForm.FromDraft(draft, draftVersion, log.Version) : new ReviewForm { Version = log.Version }),
                replies ?? (reader == Reader.Author ? RepliesForm.FromDraft(draft, draftVersion) : new RepliesForm()),
                problemField);
        }
    }
}
