using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Domain;

public class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const string DisplayNameLabel = "Full name";

    private User() { DisplayName = ""; }

    public User(string email, string displayName, JobRole jobRole, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        SetEmail(email);
        DisplayName = Partnership.RequireName(displayName, DisplayNameMaxLength, DisplayNameLabel);
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
    // When an administrator erased the person's personal data; an erased account stays closed for good.
    public DateTime? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public const string ErasedName = "Erased account";

    public void UpdateProfile(string email, string displayName, JobRole jobRole)
    {
        RefuseIfErased();
        SetEmail(email);
        DisplayName = Partnership.RequireName(displayName, DisplayNameMaxLength, DisplayNameLabel);
        JobRole = jobRole;
    }

    public void PlaceIn(Agency? agency, Team? team)
    {
        if (team is not null && (agency is null || team.AgencyId != agency.Id))
            throw new DomainException("The team must belong to the person's agency.");
        AgencyId = agency?.Id;
        TeamId = team?.Id;
    }

    // Stops the person signing in; their records stay, as other records point to them.
    public void Deactivate(DateTime at)
    {
        if (!IsActive) return;
        IsActive = false;
        DeactivatedAt = at;
    }

    public void Reactivate()
    {
        RefuseIfErased();
        IsActive = true;
        DeactivatedAt = null;
    }

    // UK GDPR right to erasure. The row stays, with its agency, team and job role, so completions and progress
    // still count in reports. The caller rotates the security stamp, which ends any session.
    public void Erase(DateTime at)
    {
        RefuseIfErased();
        DisplayName = ErasedName;
        SetEmail($"erased-{Id:N}@erased.invalid");
        PasswordHash = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        EmailConfirmed = false;
        TwoFactorEnabled = false;
        LockoutEnd = null;
        AccessFailedCount = 0;
        Deactivate(at);
        ErasedAt = at;
    }

    private void RefuseIfErased()
    {
        if (IsErased) throw new DomainException("This account has been erased: it cannot be changed or reactivated.");
    }

    private void SetEmail(string email)
    {
        var trimmed = TextInput.Normalise((email ?? "").Trim());
        if (trimmed.Length == 0) throw new DomainException("Enter an email address.");
        if (trimmed.Length > EmailMaxLength) throw new DomainException($"The email address must be {EmailMaxLength} characters or fewer.");
        TextInput.Require(trimmed, "The email address", TextShape.SingleLine);
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
