using System.Text.Json;

namespace CSELearning.Web.Domain.Reflections;

public enum LogStatus
{
    Draft,
    // Shared with the author's supervisors and awaiting their review. The author cannot change it meanwhile,
    // so a supervisor only ever reads text that passed the identifying-detail check.
    Shared,
    RevisionRequested,
    // Signed off by a supervisor: locked until a supervisor reopens it, with a reason.
    SignedOff,
}

// Its text is stored encrypted. Version is a concurrency token, so an edit made against an older version
// (a supervisor signed off meanwhile) is refused, never overwritten.
public class ReflectiveLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ReflectiveLog() { }

    public ReflectiveLog(Guid authorId, ReflectionText text, ITextProtector protector, DateTime now, string? moduleId = null, string? moduleVersion = null, string? promptId = null)
    {
        Refuse(text.Problems());
        Id = Guid.CreateVersion7();
        AuthorId = authorId;
        ModuleId = moduleId;
        ModuleVersion = moduleId is null ? null : moduleVersion;
        PromptId = moduleId is null ? null : promptId;
        ProtectedText = Seal(text, protector);
        Status = LogStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public Guid AuthorId { get; private set; }
    public string? ModuleId { get; private set; }
    public string? ModuleVersion { get; private set; }
    public string? PromptId { get; private set; }
    // Encrypted, so the database never holds the text readable.
    public string ProtectedText { get; private set; } = "";
    public LogStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    // When the author last shared it for review; the caseload orders by this, oldest first.
    public DateTime? SharedAt { get; private set; }
    public DateTime? SignedOffAt { get; private set; }
    public Guid? SignedOffById { get; private set; }
    public DateTime? RevisionRequestedAt { get; private set; }
    public Guid? RevisionRequestedById { get; private set; }
    public string? ProtectedRevisionNote { get; private set; }
    public DateTime? ReopenedAt { get; private set; }
    public Guid? ReopenedById { get; private set; }
    public string? ProtectedReopenReason { get; private set; }
    public int Version { get; private set; }

    public bool IsLocked => Status == LogStatus.SignedOff;

    public bool IsEditable => Status is LogStatus.Draft or LogStatus.RevisionRequested;

    public bool IsVisibleToSupervisors => Status != LogStatus.Draft;

    public ReflectionText Read(ITextProtector protector)
    {
        var stored = JsonSerializer.Deserialize<StoredText>(protector.Unprotect(ProtectedText), Json)!;
        return new ReflectionText(stored.Title ?? "", GibbsStages.All.ToDictionary(s => s, s => stored.Stages?.GetValueOrDefault(s.Key()) ?? ""));
    }

    public string? RevisionNote(ITextProtector protector) => ProtectedRevisionNote is null ? null : protector.Unprotect(ProtectedRevisionNote);

    public string? ReopenReason(ITextProtector protector) => ProtectedReopenReason is null ? null : protector.Unprotect(ProtectedReopenReason);

    public void Save(Guid by, ReflectionText text, int expectedVersion, ITextProtector protector, DateTime now)
    {
        RequireAuthor(by);
        RequireVersion(expectedVersion);
        if (IsLocked) throw new LogConflictException("Your supervisor has signed this log off, so it is locked and your changes were not saved.");
        if (!IsEditable) throw new LogConflictException("This log is waiting for your supervisor's review, so your changes were not saved. You can change it again if they ask for a revision.");
        Refuse(text.Problems());
        ProtectedText = Seal(text, protector);
        Touch(now);
    }

    public void Share(Guid by, int expectedVersion, DateTime now)
    {
        RequireAuthor(by);
        RequireVersion(expectedVersion);
        if (Status is LogStatus.Shared) throw new DomainException("This log is already shared with your supervisor.");
        if (IsLocked) throw new DomainException("This log has been signed off.");
        Status = LogStatus.Shared;
        SharedAt = now;
        Touch(now);
    }

    public void RequestRevision(Guid supervisorId, string note, int expectedVersion, ITextProtector protector, DateTime now)
    {
        RequireVersion(expectedVersion);
        if (Status != LogStatus.Shared) throw new DomainException("Only a log awaiting review can be sent back for revision.");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Say what you would like changed.");
        note = TextInput.Normalise(note);
        TextInput.Require(note, "What you would like changed", TextShape.MultiLine);
        Status = LogStatus.RevisionRequested;
        RevisionRequestedAt = now;
        RevisionRequestedById = supervisorId;
        ProtectedRevisionNote = protector.Protect(note.Trim());
        Touch(now);
    }

    public void SignOff(Guid supervisorId, int expectedVersion, DateTime now)
    {
        RequireVersion(expectedVersion);
        if (Status != LogStatus.Shared) throw new DomainException("Only a log awaiting review can be signed off.");
        Status = LogStatus.SignedOff;
        SignedOffAt = now;
        SignedOffById = supervisorId;
        Touch(now);
    }

    public void Reopen(Guid supervisorId, string reason, int expectedVersion, ITextProtector protector, DateTime now)
    {
        RequireVersion(expectedVersion);
        if (!IsLocked) throw new DomainException("Only a signed-off log can be reopened.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason for reopening the log.");
        reason = TextInput.Normalise(reason);
        TextInput.Require(reason, "The reason", TextShape.MultiLine);
        Status = LogStatus.RevisionRequested;
        ReopenedAt = now;
        ReopenedById = supervisorId;
        ProtectedReopenReason = protector.Protect(reason.Trim());
        SignedOffAt = null;
        SignedOffById = null;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void RequireAuthor(Guid by)
    {
        if (by != AuthorId) throw new DomainException("Only the author can change this log.");
    }

    private void RequireVersion(int expected)
    {
        if (expected != Version)
            throw new LogConflictException(IsLocked
                ? "Your supervisor has signed this log off since you opened it, so your changes were not saved."
                : "This log has changed since you opened it (perhaps in another tab, or by your supervisor), so your changes were not saved.");
    }

    private static void Refuse(IReadOnlyDictionary<string, string> problems)
    {
        if (problems.Count > 0) throw new DomainException(problems.Values.First());
    }

    private static string Seal(ReflectionText text, ITextProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(new StoredText(text.Title, GibbsStages.All.ToDictionary(s => s.Key(), text.Stage)), Json));

    private sealed record StoredText(string? Title, Dictionary<string, string>? Stages);
}

// A change made against an out-of-date version of a log: refused, and the writer's text kept for them.
public sealed class LogConflictException(string message) : DomainException(message);

public class ReviewComment
{
    private ReviewComment() { }

    public ReviewComment(ReflectiveLog log, Guid supervisorId, GibbsStage stage, string text, ITextProtector protector, DateTime now)
    {
        var comment = CommentText.Require(text);
        if (!log.IsVisibleToSupervisors) throw new DomainException("This log has not been shared.");
        Id = Guid.CreateVersion7();
        LogId = log.Id;
        SupervisorId = supervisorId;
        Stage = stage;
        ProtectedText = protector.Protect(comment);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid LogId { get; private set; }
    public Guid SupervisorId { get; private set; }
    public GibbsStage Stage { get; private set; }
    public string ProtectedText { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public string Read(ITextProtector protector) => protector.Unprotect(ProtectedText);
}

public class LogShare
{
    private LogShare() { }

    public LogShare(Guid logId, Guid supervisorId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        LogId = logId;
        SupervisorId = supervisorId;
        SharedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid LogId { get; private set; }
    public Guid SupervisorId { get; private set; }
    public DateTime SharedAt { get; private set; }
}
