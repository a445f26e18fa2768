using CSELearning.Web.Domain.Reflections;

namespace CSELearning.Web.Domain.Supervision;

public enum RecordStatus
{
    Draft,
    AwaitingAcknowledgement,
    Locked,
}

public enum ActionOwner
{
    Supervisor,
    Supervisee,
}

public enum ActionStatus
{
    Open,
    Done,
}

// Its text is stored encrypted. Version is a concurrency token, so a save or signature made against an
// older version is refused, never overwritten.
public class SupervisionRecord
{
    private readonly List<SupervisionAction> _actions = [];
    private readonly List<DiscussedLog> _discussedLogs = [];

    private SupervisionRecord() { }

    public Guid Id { get; private set; }
    public Guid SupervisorId { get; private set; }
    public Guid SuperviseeId { get; private set; }
    public DateOnly SessionDate { get; private set; }
    public DateOnly? NextSessionDate { get; private set; }
    public string ProtectedNotes { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SupervisorSignedAt { get; private set; }
    public DateTime? SuperviseeSignedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<SupervisionAction> Actions => _actions;
    public IReadOnlyList<DiscussedLog> DiscussedLogs => _discussedLogs;

    public RecordStatus Status => SuperviseeSignedAt is not null ? RecordStatus.Locked
        : SupervisorSignedAt is not null ? RecordStatus.AwaitingAcknowledgement
        : RecordStatus.Draft;

    public bool IsLocked => Status == RecordStatus.Locked;

    // An earlier draft's actions can still change, so the next record waits until it is signed.
    public static SupervisionRecord Start(Guid supervisorId, Guid superviseeId, IReadOnlyCollection<SupervisionRecord> earlier,
        SessionDetails details, ITextProtector protector, DateTime now)
    {
        if (supervisorId == superviseeId) throw new DomainException("A person cannot supervise themselves.");
        if (earlier.Any(r => r.SupervisorId != supervisorId || r.SuperviseeId != superviseeId))
            throw new ArgumentException("Only the pair's own earlier records carry actions forward.", nameof(earlier));
        if (earlier.Any(r => r.Status == RecordStatus.Draft))
            throw new DomainException("Your last record with this supervisee is still a draft. Finish and sign it before you start the next, so its open actions carry forward as they stand.");

        var record = new SupervisionRecord
        {
            Id = Guid.CreateVersion7(),
            SupervisorId = supervisorId,
            SuperviseeId = superviseeId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        foreach (var action in Outstanding(earlier)) record._actions.Add(action.CarryForwardTo(record.Id, record._actions.Count));
        record.Apply(details, protector);
        return record;
    }

    // Actions still open on these records and not yet carried into a later one: what the next record must
    // take on. An action carried forward stays open on its old record, which is fixed; its copy is the live one.
    public static IReadOnlyList<SupervisionAction> Outstanding(IEnumerable<SupervisionRecord> records)
    {
        var ordered = records.OrderBy(r => r.SessionDate).ThenBy(r => r.CreatedAt).ToList();
        var carried = ordered.SelectMany(r => r._actions).Where(a => a.CarriedFromId is not null).Select(a => a.CarriedFromId!.Value).ToHashSet();
        return ordered.SelectMany(r => r._actions.OrderBy(a => a.Position))
            .Where(a => a.Status == ActionStatus.Open && !carried.Contains(a.Id))
            .ToList();
    }

    public SessionNotes Read(ITextProtector protector) => SealedNotes.Open(ProtectedNotes, protector);

    public void Save(Guid by, SessionDetails details, int expectedVersion, ITextProtector protector, DateTime now)
    {
        RequireSupervisor(by);
        RequireVersion(expectedVersion, "your changes were not saved");
        if (Status != RecordStatus.Draft) throw new DomainException("You have signed this record, so it can no longer be changed.");
        Apply(details, protector);
        Touch(now);
    }

    public void SignAsSupervisor(Guid by, int expectedVersion, ITextProtector protector, DateTime now)
    {
        RequireSupervisor(by);
        RequireVersion(expectedVersion, "it was not signed");
        if (Status != RecordStatus.Draft) throw new DomainException("You have already signed this record.");
        // The form asks for it explicitly; a record is not finished without it, even if only to say why not.
        if (string.IsNullOrWhiteSpace(Read(protector).Wellbeing))
            throw new DomainException("Record the supervisee's wellbeing before you sign: if you did not talk about it, say why.");
        SupervisorSignedAt = now;
        Touch(now);
    }

    public void Acknowledge(Guid by, int expectedVersion, DateTime now)
    {
        RequireSupervisee(by);
        RequireVersion(expectedVersion, "it was not acknowledged");
        if (Status == RecordStatus.Draft) throw new DomainException("Your supervisor has not signed this record yet. You can acknowledge it once they have.");
        if (IsLocked) throw new DomainException("You have already acknowledged this record.");
        SuperviseeSignedAt = now;
        Touch(now);
    }

    public SupervisionComment AddComment(Guid by, string text, ITextProtector protector, DateTime now)
    {
        RequireSupervisee(by);
        if (IsLocked) throw new DomainException("This record has been signed by you both, so it is locked and your comment was not added.");
        return new SupervisionComment(Id, by, text, protector, now);
    }

    private void Apply(SessionDetails details, ITextProtector protector)
    {
        if (details.Problems() is { Count: > 0 } problems) throw new DomainException(problems.Values.First());
        var notes = details.Notes with
        {
            Attendees = details.Notes.Attendees.Trim(),
            Agenda = details.Notes.Agenda.Trim(),
            Discussion = details.Notes.Discussion.Trim(),
            Wellbeing = details.Notes.Wellbeing.Trim(),
            Decisions = details.Notes.Decisions.Trim(),
        };
        SessionDate = details.SessionDate;
        NextSessionDate = details.NextSessionDate;
        ProtectedNotes = SealedNotes.Seal(notes, protector);
        ApplyActions(details.Actions, protector);
        ApplyLogs(details.DiscussedLogIds);
    }

    private void ApplyActions(IReadOnlyList<ActionDraft> drafts, ITextProtector protector)
    {
        var kept = new List<SupervisionAction>();
        foreach (var draft in drafts)
        {
            var action = draft switch
            {
                { Id: { } id } => _actions.SingleOrDefault(a => a.Id == id),
                { CarriedFromId: { } from } => _actions.SingleOrDefault(a => a.CarriedFromId == from),
                _ => null,
            };
            if (action is null && (draft.Id is not null || draft.CarriedFromId is not null))
                throw new RecordConflictException("An action in your form is no longer on this record, so your changes were not saved. Open the record again.");
            if (action is not null && kept.Contains(action)) throw new DomainException("The same action appears twice in the form.");

            // Clearing the description of an action added to this record removes it; a carried one cannot go.
            if (action is not null && !action.IsCarriedForward && string.IsNullOrWhiteSpace(draft.Description)) continue;
            if (action is null)
            {
                action = new SupervisionAction(Id, protector.Protect(draft.Description.Trim()), draft.Owner, draft.DueOn, carriedFromId: null);
                _actions.Add(action);
            }
            else if (!action.IsCarriedForward)
            {
                action.Describe(protector.Protect(draft.Description.Trim()));
            }
            action.Update(draft.Owner, draft.DueOn, draft.Status, kept.Count);
            kept.Add(action);
        }
        foreach (var missing in _actions.Except(kept).ToList())
        {
            // A carried-forward action cannot be removed (it is marked done instead), so one the form left
            // out is kept as it was: nothing agreed at an earlier session is lost.
            if (missing.IsCarriedForward)
            {
                missing.Update(missing.Owner, missing.DueOn, missing.Status, kept.Count);
                kept.Add(missing);
            }
            else
            {
                _actions.Remove(missing);
            }
        }
        if (_actions.Count(a => !a.IsCarriedForward) > SessionDetails.MaxActions)
            throw new DomainException($"A record can hold up to {SessionDetails.MaxActions} actions besides those carried forward.");
    }

    private void ApplyLogs(IReadOnlyList<Guid> logIds)
    {
        var wanted = logIds.Distinct().ToList();
        _discussedLogs.RemoveAll(d => !wanted.Contains(d.LogId));
        foreach (var logId in wanted.Where(id => _discussedLogs.All(d => d.LogId != id))) _discussedLogs.Add(new DiscussedLog(Id, logId));
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void RequireSupervisor(Guid by)
    {
        if (by != SupervisorId) throw new DomainException("Only the supervisor who made this record can change or sign it.");
    }

    private void RequireSupervisee(Guid by)
    {
        if (by != SuperviseeId) throw new DomainException("Only the supervisee can comment on or acknowledge this record.");
    }

    private void RequireVersion(int expected, string consequence)
    {
        if (expected == Version) return;
        throw new RecordConflictException(Status switch
        {
            RecordStatus.Locked => $"This record has been signed by you both since you opened it, so it is locked and {consequence}.",
            RecordStatus.AwaitingAcknowledgement => $"This record has been signed by the supervisor since you opened it, so {consequence}.",
            _ => $"This record has changed since you opened it (perhaps in another tab), so {consequence}.",
        });
    }
}

public class SupervisionAction
{
    public const int MaxDescriptionLength = 500;

    private SupervisionAction() { }

    internal SupervisionAction(Guid recordId, string protectedDescription, ActionOwner owner, DateOnly? dueOn, Guid? carriedFromId)
    {
        Id = Guid.CreateVersion7();
        RecordId = recordId;
        ProtectedDescription = protectedDescription;
        Owner = owner;
        DueOn = dueOn;
        Status = ActionStatus.Open;
        CarriedFromId = carriedFromId;
    }

    public Guid Id { get; private set; }
    public Guid RecordId { get; private set; }
    public int Position { get; private set; }
    public string ProtectedDescription { get; private set; } = "";
    public ActionOwner Owner { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public ActionStatus Status { get; private set; }
    // The action on an earlier record that this one carries forward; null for one agreed at this session.
    public Guid? CarriedFromId { get; private set; }

    public bool IsCarriedForward => CarriedFromId is not null;

    public string Description(ITextProtector protector) => protector.Unprotect(ProtectedDescription);

    internal SupervisionAction CarryForwardTo(Guid recordId, int position) =>
        new(recordId, ProtectedDescription, Owner, DueOn, Id) { Position = position };

    internal void Describe(string protectedDescription) => ProtectedDescription = protectedDescription;

    internal void Update(ActionOwner owner, DateOnly? dueOn, ActionStatus status, int position)
    {
        Owner = owner;
        DueOn = dueOn;
        Status = status;
        Position = position;
    }
}

public class DiscussedLog
{
    private DiscussedLog() { }

    internal DiscussedLog(Guid recordId, Guid logId)
    {
        RecordId = recordId;
        LogId = logId;
    }

    public Guid RecordId { get; private set; }
    public Guid LogId { get; private set; }
}

public class SupervisionComment
{
    private SupervisionComment() { }

    internal SupervisionComment(Guid recordId, Guid authorId, string text, ITextProtector protector, DateTime now)
    {
        var comment = CommentText.Require(text);
        Id = Guid.CreateVersion7();
        RecordId = recordId;
        AuthorId = authorId;
        ProtectedText = protector.Protect(comment);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RecordId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string ProtectedText { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public string Read(ITextProtector protector) => protector.Unprotect(ProtectedText);
}
