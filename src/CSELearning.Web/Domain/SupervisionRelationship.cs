using System.Linq.Expressions;

namespace CSELearning.Web.Domain;

// An ended relationship is kept: later records are judged against the dates it was current.
public class SupervisionRelationship
{
    private SupervisionRelationship() { }

    public SupervisionRelationship(Guid supervisorId, Guid superviseeId, DateOnly startsOn, DateOnly? endsOn = null)
    {
        if (supervisorId == superviseeId) throw new DomainException("A person cannot supervise themselves.");
        if (endsOn is { } end && end < startsOn) throw new DomainException("The end date must be on or after the start date.");
        Id = Guid.CreateVersion7();
        SupervisorId = supervisorId;
        SuperviseeId = superviseeId;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid Id { get; private set; }
    public Guid SupervisorId { get; private set; }
    public User? Supervisor { get; private set; }
    public Guid SuperviseeId { get; private set; }
    public User? Supervisee { get; private set; }
    public DateOnly StartsOn { get; private set; }
    // The last day of supervision, inclusive; null while it goes on.
    public DateOnly? EndsOn { get; private set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    public static Expression<Func<SupervisionRelationship, bool>> CurrentOn(DateOnly day) =>
        s => s.StartsOn <= day && (s.EndsOn == null || s.EndsOn >= day);

    // The people who may read the logs the supervisee shares and keep records of their supervision.
    public static IQueryable<Guid> CurrentSupervisorsOf(IQueryable<SupervisionRelationship> relationships, Guid superviseeId, DateOnly day) =>
        relationships.Where(CurrentOn(day)).Where(s => s.SuperviseeId == superviseeId).Select(s => s.SupervisorId);

    public bool OverlapsWith(DateOnly startsOn, DateOnly? endsOn) =>
        StartsOn <= (endsOn ?? DateOnly.MaxValue) && startsOn <= (EndsOn ?? DateOnly.MaxValue);

    public void End(DateOnly on)
    {
        if (on < StartsOn) throw new DomainException("The end date must be on or after the start date.");
        if (EndsOn is { } ended && ended <= on) throw new DomainException("This supervision has already ended.");
        EndsOn = on;
    }
}
