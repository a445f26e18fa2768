namespace CSELearning.Web.Domain.Reporting;

// A commissioner's target for one agency and one module: a percentage of the agency's staff in scope to
// have completed the module by a date. One target per agency and module; setting it again changes it.
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
    // The share of staff in scope to have completed the module, 1 to 100.
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

    // How a target stands, from the people counted now.
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
    // Below the target, which is not yet due.
    Behind,
    // Below the target after its date.
    Missed,
}
