namespace CSELearning.Web.Domain;

// An organisation within a partnership: a police force, an NHS trust, a council's children's services.
public class Agency
{
    private readonly List<Team> _teams = [];

    private Agency() { Name = ""; }

    public Agency(Guid partnershipId, string name, AgencySector sector)
    {
        Id = Guid.CreateVersion7();
        PartnershipId = partnershipId;
        Name = Partnership.RequireName(name);
        Sector = sector;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid PartnershipId { get; private set; }
    public Partnership? Partnership { get; private set; }
    public string Name { get; private set; }
    public AgencySector Sector { get; private set; }
    public bool IsActive { get; private set; }
    public IReadOnlyCollection<Team> Teams => _teams;

    public void Update(string name, AgencySector sector, bool isActive)
    {
        Name = Partnership.RequireName(name);
        Sector = sector;
        IsActive = isActive;
    }
}
