using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.E2ETests.Pages;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Journeys;

/// <summary>The certificate pages for administrators and commissioners, each state of each checked with axe.</summary>
[Collection(EndToEnd.Name)]
public sealed class CertificateAdministrationJourneys(E2EFixture fixture) : JourneyTest(fixture)
{
    [Fact]
    public async Task An_administrator_finds_a_certificate_and_revokes_it_with_a_reason()
    {
        var certificate = await IssueAsync("Robin Achebe");
        await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(Organisation.Administrator);

        await Session.Page.GotoAsync("/admin/certificates");
        await Session.ArriveAsync("admin/certificates", "Find a certificate");
        await Session.Page.GetByLabel("Certificate number").FillAsync("CSE-2026-22222222");
        await Session.Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Session.ArriveAsync(@"admin/certificates\?number=.*", "Find a certificate");
        await Expect(Session.Page.Locator(".govuk-error-summary")).ToContainTextAsync("No certificate has that number.");

        await Session.Page.GetByLabel("Certificate number").FillAsync(certificate.Number);
        await Session.Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Session.ArriveAsync($"admin/certificates/{certificate.Id}", certificate.Number);
        await Expect(Session.Page.Locator("#certificate-status")).ToHaveTextAsync("Valid");

        var revoke = Session.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke certificate" });
        await revoke.ClickAsync();
        await Session.ArriveAsync($"admin/certificates/{certificate.Id}/revoke", certificate.Number);
        await Expect(Session.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for revoking the certificate.");

        await Session.Page.GetByLabel("Reason for revoking").FillAsync("Completed on a shared account");
        await revoke.ClickAsync();
        // Not revoked until the administrator confirms it cannot be undone; the reason they typed is kept.
        await Session.ArriveAsync($"admin/certificates/{certificate.Id}/revoke", certificate.Number);
        await Expect(Session.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Confirm that you understand revoking cannot be undone");
        await Expect(Session.Page.GetByLabel("Reason for revoking")).ToHaveValueAsync("Completed on a shared account");
        await Session.Page.GetByLabel("I understand revoking this certificate cannot be undone").CheckAsync();
        await revoke.ClickAsync();
        await Session.ArriveAsync($"admin/certificates/{certificate.Id}", certificate.Number);
        await Expect(Session.Page.Locator("#certificate-status")).ToHaveTextAsync("Revoked");
        await Expect(revoke).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_commissioner_is_told_what_is_missing_from_the_download_form()
    {
        await (await SignInPage.OpenAsync(Session)).SignInWithKeyboardAsync(Organisation.Commissioner);

        await Session.Page.GotoAsync("/certificates/download");
        await Session.ArriveAsync("certificates/download", "Download certificates");
        await Expect(Session.Page.GetByLabel("Agency")).ToContainTextAsync(Organisation.Agency);
        await Session.Page.GetByRole(AriaRole.Button, new() { Name = "Download ZIP" }).ClickAsync();
        await Session.ArriveAsync(@"certificates/download\.zip\?.*", "Download certificates");
        await Expect(Session.Page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(
            ["Select an agency.", "Enter the first completion date.", "Enter the last completion date."]);
    }

    /// <summary>A learner of their own with one certificate of the sample module, put straight into the database.</summary>
    private async Task<Certificate> IssueAsync(string name)
    {
        var account = await TestAccounts.CreateLearnerAsync(Fixture.App.Services, name);
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var module = scope.ServiceProvider.GetRequiredService<ContentCatalog>().Modules[0];
        var learner = await db.Users.SingleAsync(u => u.Email == account.Email);
        var now = DateTime.UtcNow;
        var progress = new ModuleProgress(learner.Id, module, 1, now.AddMinutes(-40));
        var completion = progress.Complete(module, 100, now);
        var certificate = new Certificate(completion, module, learner.DisplayName, null, now);
        db.AddRange(progress, completion, certificate);
        await db.SaveChangesAsync();
        return certificate;
    }
}
