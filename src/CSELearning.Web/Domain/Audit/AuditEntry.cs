namespace CSELearning.Web.Domain.Audit;

// What an audit entry records: reads of someone else's log, every step of a log's review, and every
// signature and supervisee comment on a supervision record.
public enum AuditAction
{
    // Someone other than the author opened a log.
    LogRead,
    LogShared,
    RevisionRequested,
    LogSignedOff,
    LogReopened,
    CommentAdded,
    // Someone other than its author (the supervisor who wrote it) opened a supervision record.
    SupervisionRecordRead,
    SupervisionRecordSigned,
    // The supervisee acknowledged (signed) a supervision record, which locks it.
    SupervisionRecordAcknowledged,
    SupervisionCommentAdded,
    // One of the two parties generated a PDF of a supervision record.
    SupervisionRecordExported,
    // An administrator revoked a certificate (the subject; the owner is its learner).
    CertificateRevoked,
    // Someone downloaded a ZIP of an agency's certificates (the subject and owner are the agency).
    CertificatesDownloaded,
    // An administrator erased a person's personal data (the subject and owner are the account, by id only).
    AccountErased,
    // The retention job deleted closed accounts' logs and supervision records (the detail gives counts only).
    RetentionApplied,
}

// One line of the append-only audit trail. It names who did what to whose record and when, never the
// record's text. The application adds entries and never changes or deletes them (AuditTrailInterceptor refuses).
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
    // The record it was done to (a reflective log or a supervision record).
    public Guid SubjectId { get; private set; }
    // Whose record it is: the log's author, or the supervisee a supervision record is about.
    public Guid OwnerId { get; private set; }
    public string? Detail { get; private set; }
}

// Raised when anything tries to change or remove an audit entry.
public sealed class AuditTrailIsAppendOnlyException() : InvalidOperationException("The audit trail is append-only: entries cannot be changed or deleted.");
