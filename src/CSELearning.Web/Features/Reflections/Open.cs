using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

public static class Open
{
    public sealed record Model(ReflectiveLog Log, Reader Reader, ReflectionText Text, LogForm Form, string AuthorName,
        IReadOnlyList<CommentView> Comments, string? RevisionNote, string? ReopenReason, PromptView? Prompt,
        bool HasSupervisor, string? Problem, IReadOnlyDictionary<string, string> Errors, bool Conflict, ReviewDraft? Review = null);

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

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access, ContentCatalog catalog)
    {
        public async Task<Model?> HandleAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: true, cancellationToken) is not var (log, reader)) return null;
            return await ModelAsync(log, reader, form: null, problem: null, errors: null, conflict: false, cancellationToken);
        }

        public async Task<Model> ModelAsync(ReflectiveLog log, Reader reader, LogForm? form, string? problem,
            IReadOnlyDictionary<string, string>? errors, bool conflict, CancellationToken cancellationToken, ReviewDraft? review = null)
        {
            var text = log.Read(protector);
            var comments = await db.ReviewComments.AsNoTracking().Where(c => c.LogId == log.Id).OrderBy(c => c.CreatedAt)
                .Join(db.Users, c => c.SupervisorId, u => u.Id, (c, u) => new { Comment = c, u.DisplayName })
                .ToListAsync(cancellationToken);
            var author = await db.Users.AsNoTracking().Where(u => u.Id == log.AuthorId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            PromptView? prompt = null;
            if (log.ModuleId is { } moduleId && catalog.Find(moduleId) is { } module
                && module.SectionsOf<Content.Reflection>().SelectMany(r => r.Prompts).FirstOrDefault(p => p.Id == log.PromptId) is { } found)
                prompt = new PromptView(module.Id, module.Title, log.ModuleVersion ?? "", found.Text, found.Guidance);
            return new Model(log, reader, text, form ?? LogForm.From(text, log.Version), author,
                comments.Select(c => new CommentView(c.Comment.Stage, c.DisplayName, c.Comment.CreatedAt, c.Comment.Read(protector))).ToList(),
                log.RevisionNote(protector), log.ReopenReason(protector), prompt,
                reader == Reader.Author && (await access.SupervisorsOfAsync(log.AuthorId, cancellationToken)).Count > 0,
                problem, errors ?? new Dictionary<string, string>(), conflict, review);
        }
    }
}
