using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Verification;

/// <summary>Certificates issued with completions, and their public verification page.</summary>
public abstract class CertificateTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Module = "/modules/recognising-exploitation";
    private const string Kayla = Module + "/kayla";
    private const string Check = Module + "/check";

    [Fact]
    public async Task Completing_a_module_issues_one_certificate_that_anyone_can_verify_without_signing_in()
    {
        var user = await CompleteAsync();

        var certificate = await Factory.WithDbAsync(db => db.Certificates.SingleAsync());
        var completion = await Factory.WithDbAsync(db => db.ModuleCompletions.SingleAsync());
        Assert.Equal((completion.Id, user.Id, user.DisplayName, "recognising-exploitation", completion.ModuleVersion, 100, 0.5m, "Riverside Safeguarding Partnership"),
            (certificate.CompletionId, certificate.UserId, certificate.LearnerName, certificate.ModuleId, certificate.ModuleVersion, certificate.ScorePercent, certificate.CpdHours, certificate.PartnershipName));
        Assert.True(Certificate.IsWellFormed(certificate.VerificationCode));
        Assert.StartsWith($"CSE-{DateTime.UtcNow.Year}-", certificate.Number, StringComparison.Ordinal);

        var page = await Factory.CreateBrowser().GetPageAsync($"/verify/{certificate.VerificationCode}");

        Assert.Contains("Valid certificate", page);
        Assert.Contains(user.DisplayName, page);
        Assert.Contains("Recognising the signs of child sexual exploitation", page);
        Assert.DoesNotContain(user.Email!, page);
        Assert.DoesNotContain("100%", page); // the name, the module and the dates only
    }

    [Fact]
    public async Task A_certificate_keeps_what_it_said_when_it_was_issued()
    {
        var user = await CompleteAsync();
        await Factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.UpdateProfile(stored.Email!, "A Changed Name", stored.JobRole);
            await db.SaveChangesAsync();
        });
        var code = await Factory.WithDbAsync(db => db.Certificates.Select(c => c.VerificationCode).SingleAsync());

        var page = await Factory.CreateBrowser().GetPageAsync($"/verify/{code}");

        Assert.Contains(user.DisplayName, page);
        Assert.DoesNotContain("A Changed Name", page);
    }

    [Fact]
    public async Task A_name_held_with_a_direction_override_shows_the_override_as_a_mark_as_the_certificate_draws_it()
    {
        await CompleteAsync();
        // Held from before the input rules refused direction controls: in a browser this reads "Ahmed evil.exe Khan".
        const string name = "Ahmed \u202Eexe.live\u202C Khan";
        var code = await Factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Certificates\" SET \"LearnerName\" = {name}");
            return await db.Certificates.Select(c => c.VerificationCode).SingleAsync();
        });

        var page = WebUtility.HtmlDecode(await Factory.CreateBrowser().GetPageAsync($"/verify/{code}"));

        Assert.Contains("<bdi>Ahmed \uFFFDexe.live\uFFFD Khan</bdi>", page);
        Assert.False(page.Contains('\u202E', StringComparison.Ordinal), "The override reached the page.");
    }

    [Fact]
    public async Task A_revoked_certificate_is_shown_as_revoked()
    {
        await CompleteAsync();
        var code = await Factory.WithDbAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync();
            certificate.Revoke(Guid.NewGuid(), "Issued in error", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return certificate.VerificationCode;
        });

        var page = await Factory.CreateBrowser().GetPageAsync($"/verify/{code}");

        Assert.Contains("This certificate has been revoked and is no longer valid.", page);
        Assert.DoesNotContain("Valid certificate", page);
        Assert.DoesNotContain("Issued in error", page);
    }

    [Fact]
    public async Task A_certificate_is_valid_for_the_module_refresh_period_and_then_shown_as_expired()
    {
        await CompleteAsync();
        var certificate = await Factory.WithDbAsync(db => db.Certificates.SingleAsync());
        // The fixture module's refresh period is 12 months, copied onto the certificate when it was issued.
        Assert.Equal(certificate.CompletedOn.AddMonths(12), certificate.ValidUntil);
        var lastDay = certificate.ValidUntil!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        var visitor = Factory.CreateBrowser();

        var valid = await visitor.GetPageAsync($"/verify/{certificate.VerificationCode}");
        Factory.Clock.Advance(TimeSpan.FromDays(370));
        var expired = await visitor.GetPageAsync($"/verify/{certificate.VerificationCode}");

        Assert.Contains("Valid certificate", valid);
        Assert.Contains(lastDay, valid);
        Assert.DoesNotContain("Valid certificate", expired);
        Assert.Contains($"This certificate has expired: it was valid until {lastDay}.", expired);
        Assert.Contains(certificate.LearnerName, expired);
        Assert.DoesNotContain("100%", expired);
    }

    [Fact]
    public async Task Every_code_that_names_no_certificate_gets_the_same_neutral_page()
    {
        await CompleteAsync();
        var real = await Factory.WithDbAsync(db => db.Certificates.Select(c => c.VerificationCode).SingleAsync());
        var visitor = Factory.CreateBrowser();
        var unknown = new string('2', Certificate.CodeLength);

        var pages = new List<string>();
        foreach (var code in new[] { unknown, real.ToLowerInvariant(), real[..^1], "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", real + "2" })
            pages.Add(MainOf(await visitor.GetPageAsync($"/verify/{code}", HttpStatusCode.NotFound)));

        Assert.All(pages, page => Assert.Equal(pages[0], page));
        Assert.Contains("No certificate was found for this link.", pages[0]);
    }

    private async Task<User> CompleteAsync()
    {
        var org = await Factory.CreateOrganisationAsync();
        var user = await Factory.CreateUserAsync("dev.patel@riverside.example", org, Roles.Learner);
        var client = await Factory.SignedInAsync(user.Email!);
        await client.PostFormAsync(Module, Module + "/start", []);
        // Past the module's 11-minute minimum, so the completion earns its full CPD hours.
        Factory.Clock.Advance(TimeSpan.FromMinutes(12));
        var revision = 0;
        foreach (var node in new[] { "back-late", "next-day", "sharing" })
            await client.PostFormAsync(Kayla, Kayla + "/choose", [new("node", node), new("choice", TestContent.SampleChoiceKey(node, 1)), new("revision", (revision++).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await client.PostFormAsync(Check, Check + "/answers",
        [
            new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 2), SampleAnswers.Answer("indicators", 1), SampleAnswers.Answer("indicators", 3),
            SampleAnswers.Answer("indicators", 4), SampleAnswers.Answer("cooperation", 2), SampleAnswers.Answer("victim-recognition", 3),
        ]);
        var completed = await client.PostFormAsync(Module + "/completion", Module + "/completion", [new("progress", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var page = await client.GetPageAsync(Module + "/completion");
        Assert.Contains("Certificate number", page);
        return user;
    }

    private static string MainOf(string page) =>
        page[page.IndexOf("<main", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];
}

public sealed class CertificateTestsOnSqlite(Features.Modules.ModuleSqliteAppFactory factory) : CertificateTests(factory), IClassFixture<Features.Modules.ModuleSqliteAppFactory>;
public sealed class CertificateTestsOnPostgres(Features.Modules.ModulePostgresAppFactory factory) : CertificateTests(factory), IClassFixture<Features.Modules.ModulePostgresAppFactory>;
