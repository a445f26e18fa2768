using System.Linq.Expressions;

namespace CSELearning.Web.Domain;

// An ended relationship is kept: later records are judged against the dates it was current.
public class SupervisionRelationship
{
    private SupervisionRelationship() { }

    // Supervision policies ask for a session every few weeks; more than six months apart is not a frequency.
    public const int MaxFrequencyWeeks = 26;

    public SupervisionRelationship(Guid supervisorId, Guid superviseeId, DateOnly startsOn, DateOnly? endsOn = null, int? frequencyWeeks = null)
    {
        if (supervisorId == superviseeId) throw new DomainException("A person cannot supervise themselves.");
        if (endsOn is { } end && end < startsOn) throw new DomainException("The end date must be on or after the start date.");
        ChangeFrequency(frequencyWeeks);
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
    // How often supervisor and supervisee agreed to meet, in weeks; null when nothing was agreed.
    public int? FrequencyWeeks { get; private set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    public static Expression<Func<SupervisionRelationship, bool>> CurrentOn(DateOnly day) =>
        s => s.StartsOn <= day && (s.EndsOn == null || s.EndsOn >= day);

    // The people who may read the logs the supervisee shares and keep records of their supervision.
    public static IQueryable<Guid> CurrentSupervisorsOf(IQueryable<SupervisionRelationship> relationships, Guid superviseeId, DateOnly day) =>
        relationships.Where(CurrentOn(day)).Where(s => s.SuperviseeId == superviseeId).Select(s => s.SupervisorId);

    public bool OverlapsWith(DateOnly startsOn, DateOnly? endsOn) =>
        StartsOn <= (endsOn ?? DateOnly.MaxValue) && startsOn <= (EndsOn ?? DateOnly.MaxValue);

    public void ChangeFrequency(int? weeks)
    {
        if (weeks is < 1 or > MaxFrequencyWeeks)
            throw new DomainException($"The frequency must be a whole number of weeks from 1 to {MaxFrequencyWeeks}.");
        FrequencyWeeks = weeks;
    }

    // The day the next session is due by the agreed frequency: counted from the last session, or from the start
    // while there has been none. Null when no frequency was agreed.
    public DateOnly? SupervisionDueOn(DateOnly? lastSession) => SupervisionDueOn(FrequencyWeeks, StartsOn, lastSession);

    public static DateOnly? SupervisionDueOn(int? frequencyWeeks, DateOnly startsOn, DateOnly? lastSession) =>
        frequencyWeeks is { } weeks ? (lastSession is { } last && last > startsOn ? last : startsOn).AddDays(7 * weeks) : null;

    public void End(DateOnly on)
    {
        if (on < StartsOn) throw new DomainException("The end date must be on or after the start date.");
        if (EndsOn is { } ended && ended <= on) throw new DomainException("This supervision has already ended.");
        EndsOn = on;
    }
}
