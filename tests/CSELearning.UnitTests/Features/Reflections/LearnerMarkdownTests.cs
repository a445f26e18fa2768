using System.Text.RegularExpressions;
using CSELearning.Web.Features.Reflections;

namespace CSELearning.UnitTests.Features.Reflections;

/// <summary>
/// What a user types is shown to someone else: the assertions are on the exact HTML, so that each one fails
/// if its protection (no raw HTML, no attribute syntax, the link allowlist, no images) is taken away.
/// </summary>
public partial class LearnerMarkdownTests
{
    private const string Rel = "rel=\"noopener noreferrer nofollow\"";

    private static string Html(string? markdown) => LearnerMarkdown.ToHtml(markdown).Value!;

    /// <summary>Only the tags, text content left out: where an attribute could do harm.</summary>
    private static string Tags(string html) => string.Concat(TagPattern().Matches(html).Select(m => m.Value));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_is_no_html(string? markdown) => Assert.Equal("", Html(markdown));

    [Fact]
    public void Plain_writing_gets_govuk_classes()
    {
        var html = Html("Some *emphasis* and **strong** and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> a quote\n\n---");

        Assert.Equal(
            "<p class=\"govuk-body\">Some <em>emphasis</em> and <strong>strong</strong> and <code>code</code>.</p>\n"
            + "<ul class=\"govuk-list govuk-list--bullet\">\n<li>one</li>\n<li>two</li>\n</ul>\n"
            + "<ol class=\"govuk-list govuk-list--number\">\n<li>first</li>\n<li>second</li>\n</ol>\n"
            + "<blockquote class=\"govuk-inset-text\">\n<p class=\"govuk-body\">a quote</p>\n</blockquote>\n"
            + "<hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\" />",
            html);
    }

    [Theory]
    [InlineData("# One", "<h3 class=\"govuk-heading-s\">One</h3>")]
    [InlineData("One\n===", "<h3 class=\"govuk-heading-s\">One</h3>")]
    [InlineData("## Two", "<h4 class=\"govuk-heading-s\">Two</h4>")]
    [InlineData("### Three", "<h5 class=\"govuk-heading-s\">Three</h5>")]
    [InlineData("#### Four", "<h6 class=\"govuk-heading-s\">Four</h6>")]
    [InlineData("###### Six", "<h6 class=\"govuk-heading-s\">Six</h6>")]
    public void Headings_never_outrank_the_page_s_own(string markdown, string expected) => Assert.Equal(expected, Html(markdown));

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p class=\"govuk-body\">&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("Text <script>alert(1)</script> inline", "<p class=\"govuk-body\">Text &lt;script&gt;alert(1)&lt;/script&gt; inline</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<p class=\"govuk-body\">&lt;img src=x onerror=alert(1)&gt;</p>")]
    [InlineData("<div onclick=\"alert(1)\">\n\nhello\n\n</div>", "<p class=\"govuk-body\">&lt;div onclick=&quot;alert(1)&quot;&gt;</p>\n<p class=\"govuk-body\">hello</p>\n<p class=\"govuk-body\">&lt;/div&gt;</p>")]
    public void Raw_html_is_shown_as_text(string markdown, string expected)
    {
        var html = Html(markdown);

        Assert.Equal(expected, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("A paragraph {onclick=alert(1)}", "<p class=\"govuk-body\">A paragraph {onclick=alert(1)}</p>")]
    [InlineData("## A heading {onclick=alert(1)}", "<h4 class=\"govuk-heading-s\">A heading {onclick=alert(1)}</h4>")]
    [InlineData("## A heading {#main .govuk-button}", "<h4 class=\"govuk-heading-s\">A heading {#main .govuk-button}</h4>")]
    [InlineData("[a link](https://example.org){onclick=alert(1)}", "<p class=\"govuk-body\"><a href=\"https://example.org\" class=\"govuk-link\" " + Rel + ">a link</a>{onclick=alert(1)}</p>")]
    [InlineData("```js {onclick=alert(1)}\ncode\n```", "<pre><code class=\"language-js\">code\n</code></pre>")]
    public void Attribute_syntax_stays_text(string markdown, string expected)
    {
        var html = Html(markdown);

        Assert.Equal(expected, html);
        Assert.DoesNotContain("onclick", Tags(html), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=", Tags(html), StringComparison.Ordinal);
    }

    // Each payload's label is "x", so a refused link is exactly "x" as text.
    public static TheoryData<string> RefusedLinks => new()
    {
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](&#X6a;&#x61;vascript:alert(1))",
        "[x](java&#09;script:alert(1))",
        "[x](java&#10;script:alert(1))",
        "[x](java&#13;script:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](<\tjavascript:alert(1)>)",
        "[x](&#32;javascript:alert(1))",
        "[x](&#0;javascript:alert(1))",
        "[x](%6Aavascript:alert(1))",
        "[x](javascript%3Aalert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](ftp://example.org/file)",
        "[x](tel:01134960000)",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "[x][1]\n\n[1]: &#106;avascript:alert(1)",
        "[x][]\n\n[x]: javascript:alert(1)",
        "[x]\n\n[x]: <javascript:alert(1)> \"title\"",
        // Relative and scheme-less addresses: not allowed either.
        "[x](/account/delete)",
        "[x](delete?id=1)",
        "[x](//evil.example)",
        "[x](www.example.org)",
        "[x](#top)",
        "[x](http:)",
        "[x](https:///nohost)",
    };

    [Theory]
    [MemberData(nameof(RefusedLinks))]
    public void A_link_that_is_not_http_https_or_mailto_becomes_its_label(string markdown)
    {
        var html = Html(markdown);

        Assert.Equal("<p class=\"govuk-body\">x</p>", html);
    }

    [Theory]
    [MemberData(nameof(RefusedLinks))]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x](<java\nscript:alert(1)>)")]
    [InlineData("[x](java\tscript:alert(1))")]
    public void The_output_never_contains_javascript(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[x](<java\nscript:alert(1)>)", "<p class=\"govuk-body\">[x](&lt;java\nscript:alert(1)&gt;)</p>")]
    [InlineData("[x](java\tscript:alert(1))", "<p class=\"govuk-body\">[x](java\tscript:alert(1))</p>")]
    public void A_literal_tab_or_newline_inside_the_scheme_is_not_a_link_at_all(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Fact]
    public void A_refused_link_keeps_the_formatting_of_its_label() =>
        Assert.Equal("<p class=\"govuk-body\">see <strong>this</strong> page</p>", Html("see [**this** page](javascript:alert(1))"));

    // An autolink's only text is its address: the address is kept as text, never in an attribute.
    [Theory]
    [InlineData("<javascript:alert(1)>", "<p class=\"govuk-body\">javascript:alert(1)</p>")]
    [InlineData("<JAVASCRIPT:alert(1)>", "<p class=\"govuk-body\">JAVASCRIPT:alert(1)</p>")]
    [InlineData("<data:text/html,hello>", "<p class=\"govuk-body\">data:text/html,hello</p>")]
    [InlineData("<vbscript:msgbox(1)>", "<p class=\"govuk-body\">vbscript:msgbox(1)</p>")]
    public void A_refused_autolink_becomes_its_address_as_plain_text(string markdown, string expected)
    {
        var html = Html(markdown);

        Assert.Equal(expected, html);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script:", Tags(html), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[NSPCC](https://www.nspcc.org.uk/)", "https://www.nspcc.org.uk/", "NSPCC")]
    [InlineData("[a page](http://example.org/a?b=1&c=2)", "http://example.org/a?b=1&amp;c=2", "a page")]
    [InlineData("[a page](HTTPS://EXAMPLE.ORG)", "HTTPS://EXAMPLE.ORG", "a page")]
    [InlineData("[email me](mailto:someone@example.org)", "mailto:someone@example.org", "email me")]
    [InlineData("[x][1]\n\n[1]: https://example.org", "https://example.org", "x")]
    [InlineData("<https://example.org/page>", "https://example.org/page", "https://example.org/page")]
    [InlineData("<someone@example.org>", "mailto:someone@example.org", "someone@example.org")]
    [InlineData("[x](<ht\ttps://example.org>)", "https://example.org", "x")] // a browser drops the tab, and so does the check
    public void Http_https_and_mailto_links_survive_with_rel(string markdown, string href, string text) =>
        Assert.Equal($"<p class=\"govuk-body\"><a href=\"{href}\" class=\"govuk-link\" {Rel}>{text}</a></p>", Html(markdown));

    [Fact]
    public void A_bare_address_is_not_made_into_a_link() =>
        Assert.Equal("<p class=\"govuk-body\">see https://example.org</p>", Html("see https://example.org"));

    [Theory]
    [InlineData("![a photo](https://example.org/photo.jpg)", "<p class=\"govuk-body\">[image: a photo]</p>")]
    [InlineData("![a photo](/images/photo.jpg \"title\")", "<p class=\"govuk-body\">[image: a photo]</p>")]
    [InlineData("![](https://example.org/tracker.gif)", "<p class=\"govuk-body\">[image]</p>")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "<p class=\"govuk-body\">[image: x]</p>")]
    [InlineData("![x][1]\n\n[1]: https://example.org/photo.jpg", "<p class=\"govuk-body\">[image: x]</p>")]
    [InlineData("before ![*a* photo](https://example.org/p.jpg) after", "<p class=\"govuk-body\">before [image: <em>a</em> photo] after</p>")]
    [InlineData("[![logo](https://example.org/logo.png)](https://example.org)", "<p class=\"govuk-body\"><a href=\"https://example.org\" class=\"govuk-link\" " + Rel + ">[image: logo]</a></p>")]
    [InlineData("[![logo](https://example.org/logo.png)](javascript:alert(1))", "<p class=\"govuk-body\">[image: logo]</p>")]
    public void An_image_is_never_an_img_only_its_alt_text(string markdown, string expected)
    {
        var html = Html(markdown);

        Assert.Equal(expected, html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }
}
