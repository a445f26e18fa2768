using static CSELearning.UnitTests.Content.ContentValidatorTests;

namespace CSELearning.UnitTests.Content;

/// <summary>Links and images may go to the web, email, a phone, a heading on the page or a page of the site, and nowhere else.</summary>
public class LinkRuleTests
{
    private const string Page = "modules/sample/01-page.md";

    [Theory]
    [InlineData("[two](javascript:alert(1))")]
    [InlineData("[two](JaVaScRiPt:alert(1))")]
    [InlineData("[two](jav&#x61;script:alert(1))")]
    [InlineData("[two](&#106;avascript:alert(1))")]
    [InlineData("[two](%6Aavascript:alert(1))")]
    [InlineData("[two](java%09script:alert(1))")]
    [InlineData("[two](<\tjavascript:alert(1)>)")]
    [InlineData("[two](<java\u0001script:alert(1)>)")]
    [InlineData("[two](vbscript:msgbox)")]
    [InlineData("[two](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[two](file:///etc/passwd)")]
    [InlineData("[two](ftp://example.org/)")]
    [InlineData("[two](//evil.example/)")]
    [InlineData("![two](data:image/svg+xml,x)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[two][r]\n\n[r]: javascript:alert(1)")]
    public void A_link_anywhere_but_the_web_an_email_a_phone_or_the_site(string link) =>
        AssertProblem(new SampleModule().Replace("01-page.md", "- two", "- " + link), Page + ":12: the ");

    [Theory]
    [InlineData("[two](https://www.csacentre.org.uk/)")]
    [InlineData("[two](HTTP://example.org/)")]
    [InlineData("[two](mailto:help@example.org)")]
    [InlineData("[two](tel:116123)")]
    [InlineData("[two](#a-heading)")]
    [InlineData("[two](/support)")]
    [InlineData("[two](glossary#missing-episode)")]
    [InlineData("<https://www.nspcc.org.uk/>")]
    [InlineData("<help@example.org>")]
    [InlineData("![two](/images/two.png)")]
    [InlineData("[two][r]\n\n[r]: https://example.org/")]
    public void A_link_the_site_allows(string link) =>
        Assert.Empty(new SampleModule().Replace("01-page.md", "- two", "- " + link).Load().Problems);

    [Fact]
    public void The_problem_names_the_link_and_what_to_use_instead() =>
        AssertProblem(new SampleModule().Replace("01-page.md", "- two", "- [two](javascript:alert(1))"),
            Page + ":12: the link to 'javascript:alert(1)' is not an address the site allows: use https:, http:, mailto: or tel:");

    [Fact]
    public void A_link_in_a_front_matter_field_is_checked_too() =>
        AssertProblem(new SampleModule().Replace("module.md", "signposting: Talk to your supervisor.", "signposting: Talk to [your supervisor](javascript:alert(1))."),
            "modules/sample/module.md:19: the link to 'javascript:alert(1)'");
}
