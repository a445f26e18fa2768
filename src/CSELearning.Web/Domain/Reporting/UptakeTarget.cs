namespace CSELearning.Web.Domain.Reporting;

// One target per agency and module; setting it again changes it.
public class UptakeTarget
{
    private UptakeTarget() { }

    public UptakeTarget(Guid partnershipId, Guid agencyId, string moduleId, int percent, DateOnly dueOn, Guid setById, DateTime now)
    {
        Id = Guid.CreateVersion7();
        PartnershipId = partnershipId;
        AgencyId = agencyId;
        ModuleId = moduleId;
        Change(percent, dueOn, setById, now);
    }

    public Guid Id { get; private set; }
    public Guid PartnershipId { get; private set; }
    public Guid AgencyId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public int Percent { get; private set; }
    public DateOnly DueOn { get; private set; }
    public Guid SetById { get; private set; }
    public DateTime SetAt { get; private set; }

    public void Change(int percent, DateOnly dueOn, Guid setById, DateTime now)
    {
        if (percent is < 1 or > 100) throw new DomainException("The target must be a percentage from 1 to 100.");
        Percent = percent;
        DueOn = dueOn;
        SetById = setById;
        SetAt = now;
    }

    public TargetStatus StatusOn(DateOnly today, int completed, int inScope) =>
        inScope == 0 ? TargetStatus.NobodyInScope
        : completed * 100 >= Percent * inScope ? TargetStatus.Met
        : today > DueOn ? TargetStatus.Missed
        : TargetStatus.Behind;
}

public enum TargetStatus
{
    // The agency has nobody in the module's audience.
    NobodyInScope,
    Met,
    Behind,
    Missed,
}
