using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Modules;

public abstract partial class ModuleTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Sample = "/modules/recognising-exploitation";
    private const string SampleTitle = "Recognising the signs of child sexual exploitation";
    private const string FirstPage = Sample + "/what-exploitation-is";
    private const string SecondPage = Sample + "/signs-to-notice";

    private ContentModule SampleModule => Factory.Services.GetRequiredService<ContentCatalog>().Find("recognising-exploitation")!;

    [Fact]
    public async Task The_catalogue_lists_only_the_modules_written_for_the_persons_job_role()
    {
        var socialWorker = await PersonAsync("sam.social@riverside.example", JobRole.SocialWorker, Roles.Learner);
        var officer = await PersonAsync("pat.police@riverside.example", JobRole.Police, Roles.Learner);

        var forSocialWorker = await (await Factory.SignedInAsync(socialWorker)).GetPageAsync("/modules");
        var forOfficer = await (await Factory.SignedInAsync(officer)).GetPageAsync("/modules");

        Assert.Contains($"href=\"{Sample}\">{SampleTitle}</a>", forSocialWorker);
        Assert.DoesNotContain(ModuleContent.PoliceTitle, forSocialWorker);
        Assert.Contains($"href=\"{Sample}\">{SampleTitle}</a>", forOfficer);
        Assert.Contains($"href=\"/modules/{ModuleContent.PoliceId}\">{ModuleContent.PoliceTitle}</a>", forOfficer);
        Assert.DoesNotContain("every module is shown", forOfficer);
        // Each entry: summary, time, CPD hours and version.
        Assert.Contains("About 35 minutes", forSocialWorker);
        Assert.Matches(@"CPD hours</dt><dd class=""govuk-summary-list__value"">0\.5</dd>", forSocialWorker);
        Assert.Contains($">{SampleModule.Version}</dd>", forSocialWorker);
        Assert.Contains(HtmlEncoder.Default.Encode(SampleModule.Summary), forSocialWorker);
    }

    [Fact]
    public async Task A_supervisor_whose_job_role_no_module_names_sees_every_module_and_is_told_why()
    {
        var manager = await PersonAsync("mo.manager@riverside.example", JobRole.Manager, Roles.Supervisor, Roles.Learner);

        var page = await (await Factory.SignedInAsync(manager)).GetPageAsync("/modules");

        Assert.Contains("No module is written for your job role (Manager or supervisor), so every module is shown.", page);
        Assert.Contains(SampleTitle, page);
        Assert.Contains(ModuleContent.PoliceTitle, page);
    }

    [Fact]
    public async Task The_start_page_shows_the_warning_support_outcomes_pages_and_the_references_its_citations_link_to()
    {
        var page = await SignedInLearnerPageAsync(Sample);
        var module = SampleModule;

        Assert.Contains($"<h1 class=\"govuk-heading-l\">{SampleTitle}</h1>", page);
        Assert.Matches(@"<div class=""govuk-inset-text app-content-warning"">\s*<h2 class=""govuk-heading-s"">Content warning</h2>\s*" + Regex.Escape(module.ContentWarning.Html.Value!), page);
        Assert.Contains(module.Signposting.Html.Value!, page);
        foreach (var outcome in module.LearningOutcomes) Assert.Contains($"<li>{HtmlEncoder.Default.Encode(outcome)}</li>", page);
        Assert.Contains("About 35 minutes", page);
        foreach (var reference in module.References) Assert.Contains($"<li id=\"{reference.Anchor}\">", page);
        // The contents are every section in order, each saying what kind it is, then the way to finish.
        var order = new[] { FirstPage, SecondPage, Sample + "/kayla", Sample + "/check", Sample + "/reflection", Sample + "/completion" }
            .Select(url => page.IndexOf($"href=\"{url}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("(scenario)", page);
        Assert.Contains("(knowledge check)", page);
        // Not started yet: the status says so and the way in is a Start button (a form, so it needs no JavaScript).
        Assert.Contains(">Not started</strong>", page);
        // The form carries its own antiforgery token: a browser sends only the fields of the form it submits.
        Assert.Matches(new Regex($@"<form method=""post"" action=""{Regex.Escape(Sample)}/start"" novalidate>(?:(?!</form>).)*name=""__RequestVerificationToken""", RegexOptions.Singleline), page);
        AssertEveryCitationLands(page, atLeastOne: false);
    }

    [Fact]
    public async Task A_page_shows_its_text_with_previous_and_next_links_a_way_out_and_the_references()
    {
        var client = await SignedInLearnerAsync();
        var first = await client.GetPageAsync(FirstPage);
        var second = await client.GetPageAsync(SecondPage);
        var pages = SampleModule.SectionsOf<ContentPage>().ToList();

        Assert.Contains(pages[0].Body.Html.Value!, first);
        Assert.Matches($@"<a class=""govuk-link govuk-pagination__link"" href=""{Sample}"" rel=""prev"">", first);
        Assert.Matches($@"<a class=""govuk-link govuk-pagination__link"" href=""{SecondPage}"" rel=""next"">", first);
        Assert.Contains(pages[1].Body.Html.Value!, second);
        Assert.Matches($@"<a class=""govuk-link govuk-pagination__link"" href=""{FirstPage}"" rel=""prev"">", second);
        // After the last page comes the scenario: the sections run on in order.
        Assert.Matches($@"<a class=""govuk-link govuk-pagination__link"" href=""{Sample}/kayla"" rel=""next"">", second);
        foreach (var page in new[] { first, second })
        {
            Assert.Contains("<a class=\"govuk-link\" href=\"/modules\">Leave this module</a>", page);
            Assert.Contains("<details class=\"govuk-details\">", page);
            Assert.Contains(SampleModule.Signposting.Html.Value!, page);
            AssertEveryCitationLands(page, atLeastOne: true);
        }
    }

    [Theory]
    [InlineData("/modules/no-such-module")]
    [InlineData("/modules/no-such-module/what-exploitation-is")]
    [InlineData(Sample + "/no-such-section")]
    [InlineData("/modules/no-such-module/completion")]
    [InlineData(Sample + "/what-exploitation-is/attempts/1")] // a page has no attempts
    public async Task Unknown_modules_and_sections_are_not_found(string url)
    {
        await (await SignedInLearnerAsync()).GetPageAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_page_is_served_from_the_html_the_catalog_rendered_at_start_up()
    {
        // If a request parsed the markdown again (or rendered from the files), the marker written into the
        // catalog's copy would not appear.
        var client = await SignedInLearnerAsync();
        var body = SampleModule.SectionsOf<ContentPage>().First().Body;
        var original = body.Html;
        const string marker = "<p class=\"govuk-body\">Held in memory, rendered once.</p>";
        try
        {
            body.Html = new HtmlString(marker);
            var page = await client.GetPageAsync(FirstPage);
            Assert.Contains(marker, page);
            Assert.DoesNotContain(original.Value!, page);
        }
        finally
        {
            body.Html = original;
        }
        Assert.Empty(body.Blocks);
    }

    private TestData.Organisation? _organisation;

    private async Task<string> PersonAsync(string email, JobRole jobRole, params string[] roles)
    {
        var org = _organisation ??= await Factory.CreateOrganisationAsync();
        var user = await Factory.CreateUserAsync(email, org, roles);
        await Factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.UpdateProfile(stored.Email!, stored.DisplayName, jobRole);
            await db.SaveChangesAsync();
        });
        return email;
    }

    private async Task<HttpClient> SignedInLearnerAsync() =>
        await Factory.SignedInAsync(await PersonAsync("dev.patel@riverside.example", JobRole.SocialWorker, Roles.Learner));

    private async Task<string> SignedInLearnerPageAsync(string url) => await (await SignedInLearnerAsync()).GetPageAsync(url);

    /// <summary>Every citation link on the page points at an element on the same page.</summary>
    private static void AssertEveryCitationLands(string page, bool atLeastOne)
    {
        var targets = CitationLink().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (atLeastOne) Assert.NotEmpty(targets);
        foreach (var target in targets) Assert.Contains($"id=\"{target}\"", page);
    }

    [GeneratedRegex(@"href=""#(ref-[^""]+)""")]
    private static partial Regex CitationLink();
}

/// <summary>The sample module (tests/fixtures/content) plus a module written only for police officers and staff.</summary>
public static class ModuleContent
{
    public const string PoliceId = "police-first-steps";
    public const string PoliceTitle = "First steps for police officers";

    private static readonly Lazy<string> Built = new(Build);

    public static string Directory => Built.Value;

    private static string Build()
    {
        var directory = TestContent.SampleVariant(text => text);
        var police = System.IO.Directory.CreateDirectory(Path.Combine(directory, "modules", PoliceId)).FullName;
        File.WriteAllText(Path.Combine(police, "module.md"), $"""
            ---
            id: {PoliceId}
            title: {PoliceTitle}
            version: 1.0.0
            changes:
              - version: 1.0.0
                change: major
                summary: First published.
            summary: A short module for police officers and staff.
            audience: [Police officer or staff]
            estimated_minutes: 5
            cpd_hours: 0.25
            learning_outcomes:
              - Know where to start.
            content_warning: Mentions the abuse of children.
            signposting: Talk to your supervisor.
            pass_mark: 50
            review_date: 2027-06-30
            ---
            """);
        File.WriteAllText(Path.Combine(police, "01-check.md"), """
            ---
            type: knowledge-check
            id: check
            title: Check
            ---

            ## Choose one: Who is responsible for exploitation? {#responsible}

            Taught in: responsibility

            - [x] The adult who exploits the child
              Always.
            - [ ] The child, when she seems to go along with it
              A child's cooperation is not consent.
            """);
        File.WriteAllText(Path.Combine(police, "02-responsibility.md"), TestContent.PageMd);
        return directory;
    }
}

public sealed class ModuleSqliteAppFactory : SqliteAppFactory
{
    public ModuleSqliteAppFactory() => WithSetting("Content:Directory", ModuleContent.Directory);
}

public sealed class ModulePostgresAppFactory : PostgresAppFactory
{
    public ModulePostgresAppFactory() => WithSetting("Content:Directory", ModuleContent.Directory);
}

public sealed class ModuleTestsOnSqlite(ModuleSqliteAppFactory factory) : ModuleTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class ModuleTestsOnPostgres(ModulePostgresAppFactory factory) : ModuleTests(factory), IClassFixture<ModulePostgresAppFactory>;
