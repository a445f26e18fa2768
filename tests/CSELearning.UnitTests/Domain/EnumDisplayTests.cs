using CSELearning.Web.Domain;

namespace CSELearning.UnitTests.Domain;

public class EnumDisplayTests
{
    [Theory]
    [InlineData("Social worker", JobRole.SocialWorker)]
    [InlineData("SocialWorker", JobRole.SocialWorker)]
    [InlineData("  social WORKER ", JobRole.SocialWorker)]
    [InlineData("Police officer or staff", JobRole.Police)]
    [InlineData("Residential care worker", JobRole.ResidentialCare)]
    public void Job_roles_parse_from_their_names_or_identifiers(string text, JobRole expected)
    {
        Assert.True(EnumDisplay.TryParseDisplay<JobRole>(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Astronaut")]
    public void Unknown_job_roles_do_not_parse(string? text) =>
        Assert.False(EnumDisplay.TryParseDisplay<JobRole>(text, out _));

    [Fact]
    public void Every_job_role_and_sector_has_a_display_name_that_parses_back()
    {
        foreach (var role in Enum.GetValues<JobRole>())
            Assert.True(EnumDisplay.TryParseDisplay<JobRole>(role.DisplayName(), out var parsed) && parsed == role);
        foreach (var sector in Enum.GetValues<AgencySector>())
            Assert.True(EnumDisplay.TryParseDisplay<AgencySector>(sector.DisplayName(), out var parsed) && parsed == sector);
    }

    [Theory]
    [InlineData("learner", Roles.Learner)]
    [InlineData(" SUPERVISOR ", Roles.Supervisor)]
    [InlineData("Administrator", Roles.Administrator)]
    [InlineData("admin", null)]
    [InlineData(null, null)]
    public void Role_names_are_matched_without_regard_to_case(string? text, string? expected) =>
        Assert.Equal(expected, Roles.Canonical(text));
}
