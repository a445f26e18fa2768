using System.Linq.Expressions;

namespace CSELearning.Web.Domain;

/// <summary>
/// A supervisor's responsibility for a supervisee over a period. A relationship that has ended is kept:
/// later records (reflective logs, supervision notes) are judged against the dates it was current.
/// </summary>
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
    /// <summary>The last day of supervision, inclusive; null while it goes on.</summary>
    public DateOnly? EndsOn { get; private set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    /// <summary><see cref="IsCurrentOn"/> as a query the database runs: the relationships current on <paramref name="day"/>.</summary>
    public static Expression<Func<SupervisionRelationship, bool>> CurrentOn(DateOnly day) =>
        s => s.StartsOn <= day && (s.EndsOn == null || s.EndsOn >= day);

    /// <summary>
    /// Who supervises <paramref name="superviseeId"/> on <paramref name="day"/>, as a query the database runs: the
    /// people who may read the logs the supervisee shares and keep records of their supervision.
    /// </summary>
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
