using CSELearning.Web.Domain;

namespace CSELearning.UnitTests.Domain;

public class UserTests
{
    private static User NewUser(string email = "ana.silva@riverside.example") =>
        new(email, "Ana Silva", JobRole.YouthWorker, DateTime.UtcNow);

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("ana@localhost")]
    [InlineData("Ana Silva <ana@riverside.example>")]
    public void A_malformed_email_is_refused(string email) =>
        Assert.Throws<DomainException>(() => NewUser(email));

    [Fact]
    public void The_email_is_also_the_user_name_and_is_trimmed()
    {
        var user = NewUser("  ana.silva@riverside.example ");

        Assert.Equal("ana.silva@riverside.example", user.Email);
        Assert.Equal(user.Email, user.UserName);
    }

    [Fact]
    public void New_people_are_active_with_a_version_7_id_and_a_security_stamp()
    {
        var user = NewUser();

        Assert.True(user.IsActive);
        Assert.Equal(7, user.Id.Version);
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
    }

    [Fact]
    public void A_team_must_belong_to_the_persons_agency()
    {
        var partnership = new Partnership("Riverside Partnership", DateTime.UtcNow);
        var police = new Agency(partnership.Id, "Riverside Police", AgencySector.Police);
        var health = new Agency(partnership.Id, "Riverside Health", AgencySector.Health);
        var healthTeam = new Team(health.Id, "School nursing");
        var user = NewUser();

        Assert.Throws<DomainException>(() => user.PlaceIn(police, healthTeam));
        Assert.Throws<DomainException>(() => user.PlaceIn(null, healthTeam));
        user.PlaceIn(health, healthTeam);
        Assert.Equal(health.Id, user.AgencyId);
        Assert.Equal(healthTeam.Id, user.TeamId);
    }

    [Fact]
    public void Deactivating_records_when_and_reactivating_clears_it()
    {
        var user = NewUser();
        var at = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

        user.Deactivate(at);
        user.Deactivate(at.AddDays(1)); // a second deactivation keeps the first date

        Assert.False(user.IsActive);
        Assert.Equal(at, user.DeactivatedAt);
        user.Reactivate();
        Assert.True(user.IsActive);
        Assert.Null(user.DeactivatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Names_cannot_be_blank(string name) =>
        Assert.Throws<DomainException>(() => new Partnership(name, DateTime.UtcNow));

    [Fact]
    public void Names_have_a_length_limit()
    {
        Assert.Throws<DomainException>(() => new Partnership(new string('a', Partnership.NameMaxLength + 1), DateTime.UtcNow));
        Assert.Equal(Partnership.NameMaxLength, new Partnership(new string('a', Partnership.NameMaxLength), DateTime.UtcNow).Name.Length);
    }
}
