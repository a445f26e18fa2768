using CSELearning.UnitTests.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.UnitTests.Domain.Certificates;

public class CertificateTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    private static Certificate Issue()
    {
        var module = new SampleModule().LoadValid();
        var progress = new ModuleProgress(Guid.CreateVersion7(), module, 1, Now.AddMinutes(-30));
        var completion = progress.Complete(module, 90, Now);
        return new Certificate(completion, module, "Siân Ó Briain", "Riverside Partnership", Now);
    }

    [Fact]
    public void A_certificate_copies_what_it_certifies_and_gets_an_unguessable_code()
    {
        var certificate = Issue();

        Assert.Equal(("Siân Ó Briain", "Sample module", "1.1.0", new DateOnly(2026, 11, 21), 90, 0.5m, "Riverside Partnership"),
            (certificate.LearnerName, certificate.ModuleTitle, certificate.ModuleVersion, certificate.CompletedOn, certificate.ScorePercent, certificate.CpdHours, certificate.PartnershipName));
        Assert.True(Certificate.IsWellFormed(certificate.VerificationCode));
        Assert.Equal($"CSE-2026-{certificate.VerificationCode[..8]}", certificate.Number);
        Assert.NotEqual(certificate.VerificationCode, Issue().VerificationCode);
    }

    [Fact]
    public void A_certificate_states_the_hours_the_completion_earned_not_the_modules()
    {
        var module = new SampleModule().LoadValid();
        var progress = new ModuleProgress(Guid.CreateVersion7(), module, 1, Now.AddMinutes(-5)); // short of the 6-minute minimum

        var certificate = new Certificate(progress.Complete(module, 90, Now), module, "Siân Ó Briain", null, Now);

        Assert.Equal(0m, certificate.CpdHours);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFGHJKMNPQRSTUV")]   // one short
    [InlineData("ABCDEFGHJKMNPQRSTUVWX")] // one long
    [InlineData("abcdefghjkmnpqrstuvw")]  // lower case
    [InlineData("0BCDEFGHJKMNPQRSTUVW")]  // a character the alphabet leaves out
    [InlineData("ABCDEFGHJKMNPQRSTUV/")]
    public void Only_codes_of_the_right_length_and_alphabet_are_looked_up(string? code) => Assert.False(Certificate.IsWellFormed(code));

    [Fact]
    public void Revoking_needs_a_reason_and_happens_once()
    {
        var certificate = Issue();

        Assert.Throws<DomainException>(() => certificate.Revoke(Guid.NewGuid(), " ", Now));
        certificate.Revoke(Guid.NewGuid(), "Issued in error", Now);
        Assert.True(certificate.IsRevoked);
        Assert.Throws<DomainException>(() => certificate.Revoke(Guid.NewGuid(), "Again", Now));
        Assert.Equal("Issued in error", certificate.RevocationReason);
    }
}
