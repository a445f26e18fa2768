namespace CSELearning.Web.Domain.Reflections;

// The author's answer to their supervisors' comments on one stage of a log. A stage's thread is its comments and
// replies in the order they were written. Encrypted like the log itself.
public class CommentReply
{
    private CommentReply() { }

    public CommentReply(ReflectiveLog log, Guid authorId, GibbsStage stage, string text, bool stageHasComments, ITextProtector protector, DateTime now)
    {
        if (authorId != log.AuthorId) throw new DomainException("Only the author of a log can reply to comments on it.");
        if (log.IsLocked) throw new DomainException("This log has been signed off, so replies can no longer be added. Your supervisor can reopen it.");
        if (!stageHasComments) throw new DomainException($"There is no comment on {stage.Heading().ToLowerInvariant()} to reply to.");
        var reply = CommentText.Require(text);
        Id = Guid.CreateVersion7();
        LogId = log.Id;
        AuthorId = authorId;
        Stage = stage;
        ProtectedText = protector.Protect(reply);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid LogId { get; private set; }
    public Guid AuthorId { get; private set; }
    public GibbsStage Stage { get; private set; }
    public string ProtectedText { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public string Read(ITextProtector protector) => protector.Unprotect(ProtectedText);
}
