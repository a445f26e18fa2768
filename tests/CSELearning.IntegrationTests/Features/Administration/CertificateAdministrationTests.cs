using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Features.Administration.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Administrators find a certificate, see it, and revoke it with a reason.</summary>
public abstract class CertificateAdministrationTests(AppFactory factory) : AdministrationTest(factory)
{
    private static readonly DateTime March = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_administrator_finds_a_certificate_by_its_number_however_it_is_typed()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();

        var found = await browser.GetAsync($"/admin/certificates?number={Uri.EscapeDataString(" " + certificate.Number.ToLowerInvariant() + " ")}");
        var missing = await browser.GetAsync("/admin/certificates?number=CSE-2026-22222222");

        AssertRedirect(found, $"/admin/certificates/{certificate.Id}");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var body = await missing.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", body);
        Assert.Contains("No certificate has that number.", body);
        Assert.Contains("href=\"#number\"", body);
        var details = await browser.GetPageAsync($"/admin/certificates/{certificate.Id}");
        Assert.Contains(certificate.LearnerName, details);
        Assert.Contains(certificate.ModuleTitle, details);
        Assert.Contains(">Valid</dd>", details);
    }

    [Fact]
    public async Task A_persons_page_lists_their_certificates_with_links_to_each()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();

        var page = await browser.GetPageAsync($"/admin/users/{certificate.UserId}");

        Assert.Contains($"href=\"/admin/certificates/{certificate.Id}\">{certificate.Number}</a>", page);
    }

    [Fact]
    public async Task Revoking_with_a_reason_records_it_audits_it_and_the_verification_page_then_says_revoked()
    {
        var (browser, admin) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();
        var url = $"/admin/certificates/{certificate.Id}";

        var response = await browser.PostFormAsync(url, url + "/revoke", [new("Reason", "  Completed on someone else's account  "), new("Confirm", "true")]);

        AssertRedirect(response, url);
        var stored = await Factory.WithDbAsync(db => db.Certificates.SingleAsync());
        Assert.Equal((admin.Id, "Completed on someone else's account"), (stored.RevokedById, stored.RevocationReason));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditAction.CertificateRevoked, admin.Id, certificate.Id, certificate.UserId, certificate.Number),
            (audit.Action, audit.ActorId, audit.SubjectId, audit.OwnerId, audit.Detail));
        var details = await browser.GetPageAsync(url);
        Assert.Contains("Certificate revoked.", details);
        Assert.Contains(">Revoked</dd>", details);
        Assert.Contains(Html("Completed on someone else's account"), details);
        Assert.DoesNotContain("/revoke\"", details); // no second form
        var verify = await Factory.CreateBrowser().GetPageAsync($"/verify/{certificate.VerificationCode}");
        Assert.Contains("This certificate has been revoked and is no longer valid.", verify);
        Assert.DoesNotContain("someone else", verify);
    }

    [Theory]
    [InlineData("", "Enter the reason for revoking the certificate.")]
    [InlineData("   ", "Enter the reason for revoking the certificate.")]
    [InlineData(null, "The reason must be 500 characters or fewer.")]
    public async Task A_missing_or_overlong_reason_is_refused_with_an_error_summary(string? reason, string message)
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();
        var url = $"/admin/certificates/{certificate.Id}";

        await AssertRefusedAsync(browser, url + "/revoke", [new("Reason", reason ?? new string('x', 501)), new("Confirm", "true")], message, formUrl: url);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Revoking_without_confirming_it_cannot_be_undone_revokes_nothing_and_keeps_the_reason()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();
        var url = $"/admin/certificates/{certificate.Id}";
        Assert.Contains("I understand revoking this certificate cannot be undone", await browser.GetPageAsync(url));

        await AssertRefusedAsync(browser, url + "/revoke", [new("Reason", "Completed on a shared account")], Revoke.ConfirmMessage, formUrl: url);
        var refused = await browser.PostFormAsync(url, url + "/revoke", [new("Reason", "Completed on a shared account"), new("Confirm", "false")]);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains(Html(Revoke.ConfirmMessage), page);
        Assert.Contains("id=\"Confirm-error\"", page);
        Assert.Contains("Completed on a shared account</textarea>", page);
        Assert.Null(await Factory.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.RevokedAt).SingleAsync()));

        AssertRedirect(await browser.PostFormAsync(url, url + "/revoke", [new("Reason", "Completed on a shared account"), new("Confirm", "true")]), url);
        Assert.NotNull(await Factory.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_reason_of_exactly_500_characters_is_accepted()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();
        var url = $"/admin/certificates/{certificate.Id}";

        AssertRedirect(await browser.PostFormAsync(url, url + "/revoke", [new("Reason", new string('x', 500)), new("Confirm", "true")]), url);
    }

    [Fact]
    public async Task Revoking_twice_is_refused_clearly_and_keeps_the_first_reason()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var certificate = await IssueAsync();
        var url = $"/admin/certificates/{certificate.Id}";
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync(url));
        AssertRedirect(await browser.PostWithTokenAsync(url + "/revoke", token, [new("Reason", "Issued in error"), new("Confirm", "true")]), url);

        await AssertRefusedAsync(browser, url + "/revoke", [new("Reason", "Again"), new("Confirm", "true")], "This certificate has already been revoked, so nothing was changed.", formUrl: "/admin/users/" + certificate.UserId, crafted: true);
        Assert.Equal("Issued in error", await Factory.WithDbAsync(db => db.Certificates.Select(c => c.RevocationReason).SingleAsync()));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    private async Task<CSELearning.Web.Domain.Certificates.Certificate> IssueAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var learner = await Factory.CreateUserAsync("dev.patel@riverside.example", org, Roles.Learner);
        return (await Factory.IssueCertificatesAsync(learner, March)).Single();
    }
}

public sealed class CertificateAdministrationTestsOnSqlite(SqliteAppFactory factory) : CertificateAdministrationTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class CertificateAdministrationTestsOnPostgres(PostgresAppFactory factory) : CertificateAdministrationTests(factory), IClassFixture<PostgresAppFactory>;
