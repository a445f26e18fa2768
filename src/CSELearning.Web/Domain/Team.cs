namespace CSELearning.Web.Domain;

// A team within an agency, such as a child exploitation hub or a school's pastoral team.
public class Team
{
    private Team() { Name = ""; }

    public Team(Guid agencyId, string name)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Name = Partnership.RequireName(name);
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; }

    public void Update(string name, bool isActive)
    {
        Name = Partnership.RequireName(name);
        IsActive = isActive;
    }
}
