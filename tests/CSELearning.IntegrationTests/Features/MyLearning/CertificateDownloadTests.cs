using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Tests.Shared;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.MyLearning;

/// <summary>A learner's own certificates: the PDF download, and the history on My learning.</summary>
public abstract class CertificateDownloadTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateTime March = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_learner_downloads_their_own_certificate_as_a_PDF_that_names_them_and_links_to_its_verification()
    {
        var (learner, client) = await LearnerAsync("dev.patel@riverside.example");
        var certificate = (await Factory.IssueCertificatesAsync(learner, March)).Single();

        var response = await client.GetAsync($"/my-learning/certificates/{certificate.Number}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"certificate-{certificate.Number}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore, "a certificate must not be cached");
        var text = new PdfFile(await response.Content.ReadAsByteArrayAsync()).Text;
        Assert.Contains(learner.DisplayName, text);
        Assert.Contains(certificate.ModuleTitle, text);
        Assert.Contains(certificate.Number, text);
        Assert.Contains($"https://localhost/verify/{certificate.VerificationCode}", text); // the request's address: no public one is set
        Assert.Contains("Valid until 10 March 2027", text); // the fixture module's refresh period is 12 months
    }

    [Fact]
    public async Task The_verification_link_in_the_PDF_uses_the_public_address_when_one_is_set()
    {
        var (learner, _) = await LearnerAsync("dev.patel@riverside.example");
        var certificate = (await Factory.IssueCertificatesAsync(learner, March)).Single();
        using var site = Factory.WithWebHostBuilder(b => b.UseSetting("Site:PublicBaseUrl", "https://learning.example.org/"));
        var client = await site.SignedInAsync(learner.Email!);

        var bytes = await (await client.GetAsync($"/my-learning/certificates/{certificate.Number}.pdf")).Content.ReadAsByteArrayAsync();

        Assert.Contains($"https://learning.example.org/verify/{certificate.VerificationCode}", new PdfFile(bytes).Text);
    }

    [Fact]
    public async Task Someone_elses_certificate_and_an_unknown_number_are_not_found()
    {
        var (owner, _) = await LearnerAsync("dev.patel@riverside.example");
        var certificate = (await Factory.IssueCertificatesAsync(owner, March)).Single();
        var (_, other) = await LearnerAsync("sam.jones@riverside.example");

        var theirs = await other.GetAsync($"/my-learning/certificates/{certificate.Number}.pdf");
        var unknown = await other.GetAsync("/my-learning/certificates/CSE-2026-22222222.pdf");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEqual("application/pdf", theirs.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(owner.DisplayName, await theirs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_certificate_cannot_be_downloaded_and_is_listed_as_revoked()
    {
        var (learner, client) = await LearnerAsync("dev.patel@riverside.example");
        var certificate = (await Factory.IssueCertificatesAsync(learner, March)).Single();
        await Factory.WithDbAsync(async db =>
        {
            (await db.Certificates.SingleAsync()).Revoke(Guid.NewGuid(), "Issued in error", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var response = await client.GetAsync($"/my-learning/certificates/{certificate.Number}.pdf");
        var myLearning = await client.GetPageAsync("/my-learning");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This certificate has been revoked", await response.Content.ReadAsStringAsync());
        Assert.Contains("govuk-tag--red\">Revoked</strong>", myLearning);
        Assert.DoesNotContain($"/my-learning/certificates/{certificate.Number}.pdf", myLearning);
    }

    [Fact]
    public async Task My_learning_lists_every_certificate_with_its_status_and_a_download_link()
    {
        var (learner, client) = await LearnerAsync("dev.patel@riverside.example");
        var today = DateTime.UtcNow;
        var certificates = await Factory.IssueCertificatesAsync(learner, today.AddMonths(-18), today.AddDays(-5));
        var (old, recent) = (certificates[0], certificates[1]);

        var page = await client.GetPageAsync("/my-learning");

        Assert.Contains("id=\"certificates\"", page);
        Assert.Matches($@"{old.Number}</th>(?:(?!</tr>)[\s\S])*govuk-tag--grey"">Expired</strong>", page);
        Assert.Matches($@"{recent.Number}</th>(?:(?!</tr>)[\s\S])*govuk-tag--green"">Valid</strong>", page);
        Assert.Contains($"href=\"/my-learning/certificates/{recent.Number}.pdf\"", page);
        Assert.Contains($"href=\"/my-learning/certificates/{old.Number}.pdf\"", page);
        Assert.True(page.IndexOf(recent.Number, StringComparison.Ordinal) < page.IndexOf(old.Number, StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Another_learners_certificates_are_not_listed()
    {
        var (owner, _) = await LearnerAsync("dev.patel@riverside.example");
        var certificate = (await Factory.IssueCertificatesAsync(owner, March)).Single();
        var (_, other) = await LearnerAsync("sam.jones@riverside.example");

        Assert.DoesNotContain(certificate.Number, await other.GetPageAsync("/my-learning"));
    }

    private async Task<(User, HttpClient)> LearnerAsync(string email)
    {
        var org = await Factory.WithDbAsync(db => db.Partnerships.AnyAsync()) ? await Factory.WithDbAsync(async db =>
            new TestData.Organisation(await db.Partnerships.FirstAsync(), await db.Agencies.FirstAsync(), await db.Teams.FirstAsync())) : await Factory.CreateOrganisationAsync();
        var user = await Factory.CreateUserAsync(email, org, Roles.Learner);
        return (user, await Factory.SignedInAsync(email));
    }
}

public sealed class CertificateDownloadTestsOnSqlite(Modules.ModuleSqliteAppFactory factory) : CertificateDownloadTests(factory), IClassFixture<Modules.ModuleSqliteAppFactory>;
public sealed class CertificateDownloadTestsOnPostgres(Modules.ModulePostgresAppFactory factory) : CertificateDownloadTests(factory), IClassFixture<Modules.ModulePostgresAppFactory>;
