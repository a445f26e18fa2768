namespace CSELearning.Web.Domain.Audit;

public enum AuditAction
{
    // Someone other than the author opened a log.
    LogRead,
    LogShared,
    RevisionRequested,
    LogSignedOff,
    LogReopened,
    CommentAdded,
    // The author replied to comments on a stage of their log (the detail names the stage, never the text).
    ReplyAdded,
    // Someone other than its author (the supervisor who wrote it) opened a supervision record.
    SupervisionRecordRead,
    SupervisionRecordSigned,
    SupervisionRecordAcknowledged,
    SupervisionCommentAdded,
    SupervisionRecordExported,
    // An administrator revoked a certificate (the subject; the owner is its learner).
    CertificateRevoked,
    // Someone downloaded a ZIP of an agency's certificates (the subject and owner are the agency).
    CertificatesDownloaded,
    // An administrator erased a person's personal data (the subject and owner are the account, by id only).
    AccountErased,
    // The retention job deleted closed accounts' logs and supervision records (the detail gives counts only).
    RetentionApplied,
    // An administrator ended every session of a person (the subject and owner are the account; the detail, how many).
    SessionsEnded,
}

// Never holds the record's text. Entries are never changed or deleted (AuditTrailInterceptor refuses).
public class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(AuditAction action, Guid actorId, Guid subjectId, Guid ownerId, DateTime at, string? detail = null)
    {
        if (detail is { Length: > 200 }) throw new ArgumentException("Audit detail is a short note, never text from the record.", nameof(detail));
        Id = Guid.CreateVersion7();
        Action = action;
        ActorId = actorId;
        SubjectId = subjectId;
        OwnerId = ownerId;
        At = at;
        Detail = detail;
    }

    public Guid Id { get; private set; }
    public DateTime At { get; private set; }
    public AuditAction Action { get; private set; }
    public Guid ActorId { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid OwnerId { get; private set; }
    public string? Detail { get; private set; }
}

public sealed class AuditTrailIsAppendOnlyException() : InvalidOperationException("The audit trail is append-only: entries cannot be changed or deleted.");
