using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Domain;

/// <summary>A person who signs in: a practitioner, supervisor, commissioner or administrator.</summary>
public class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 256;

    private User() { DisplayName = ""; }

    public User(string email, string displayName, JobRole jobRole, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        SetEmail(email);
        DisplayName = Partnership.RequireName(displayName, DisplayNameMaxLength);
        JobRole = jobRole;
        IsActive = true;
        CreatedAt = createdAt;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; private set; }
    public JobRole JobRole { get; private set; }
    public Guid? AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public Guid? TeamId { get; private set; }
    public Team? Team { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DeactivatedAt { get; private set; }

    public void UpdateProfile(string email, string displayName, JobRole jobRole)
    {
        SetEmail(email);
        DisplayName = Partnership.RequireName(displayName, DisplayNameMaxLength);
        JobRole = jobRole;
    }

    /// <summary>Places the person in an agency and, optionally, one of its teams.</summary>
    public void PlaceIn(Agency? agency, Team? team)
    {
        if (team is not null && (agency is null || team.AgencyId != agency.Id))
            throw new DomainException("The team must belong to the person's agency.");
        AgencyId = agency?.Id;
        TeamId = team?.Id;
    }

    /// <summary>Stops the person signing in; their records stay, as other records point to them.</summary>
    public void Deactivate(DateTime at)
    {
        if (!IsActive) return;
        IsActive = false;
        DeactivatedAt = at;
    }

    public void Reactivate()
    {
        IsActive = true;
        DeactivatedAt = null;
    }

    private void SetEmail(string email)
    {
        var trimmed = (email ?? "").Trim();
        if (trimmed.Length == 0) throw new DomainException("Enter an email address.");
        if (trimmed.Length > EmailMaxLength) throw new DomainException($"The email address must be {EmailMaxLength} characters or fewer.");
        if (!System.Net.Mail.MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
            throw new DomainException("Enter an email address in the right format, like name@example.org.");
        Email = trimmed;
        UserName = trimmed;
    }
}

public class Role : IdentityRole<Guid>
{
    private Role() { }

    public Role(string name) : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}
