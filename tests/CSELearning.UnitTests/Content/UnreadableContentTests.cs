using System.Text;
using CSELearning.Web.Content;
using static CSELearning.UnitTests.Content.ContentValidatorTests;

namespace CSELearning.UnitTests.Content;

/// <summary>Files that are not text, and markdown no one would write, are problems at their line: the check never crashes.</summary>
public class UnreadableContentTests
{
    private const string Page = "modules/sample/01-page.md";

    /// <summary>The sample module written to a folder of its own, each file as the bytes <paramref name="encode"/> gives.</summary>
    private static ContentLoadResult LoadFromDisk(SampleModule module, Func<string, string, byte[]> encode)
    {
        var directory = Directory.CreateTempSubdirectory("cselearning-content-");
        try
        {
            foreach (var file in module.Files())
            {
                var path = Path.Combine(directory.FullName, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, encode(file.Path, file.Text));
            }
            return ContentLoader.LoadDirectory(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_a_problem_at_the_line_of_its_first_bad_byte()
    {
        // "café" as Windows-1252 writes é as the single byte 0xE9, which is not UTF-8.
        var result = LoadFromDisk(new SampleModule().Replace("01-page.md", "- two", "- caf\u00E9"),
            (path, text) => path == Page ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text));

        Assert.False(result.IsValid);
        Assert.StartsWith(Page + ":12: the file is not UTF-8 text", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_endings_are_accepted()
    {
        var result = LoadFromDisk(new SampleModule().Replace("01-page.md", "- two", "- caf\u00E9"),
            (_, text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))]);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData(20_000, "the line is 20,000 characters long: lines can be at most 10,000")]
    [InlineData(2_000, "the line nests lists, quotes or brackets more than 32 deep")]
    public void A_line_of_brackets_is_a_problem_not_a_crash(int brackets, string expected) =>
        AssertProblem(new SampleModule().Replace("01-page.md", "- two", new string('[', brackets)), Page + ":12: " + expected);

    [Fact]
    public void Lists_nested_hundreds_deep_are_a_problem_not_a_crash() =>
        AssertProblem(new SampleModule().Replace("01-page.md", "- two", string.Join("\n", Enumerable.Range(0, 500).Select(i => new string(' ', i * 2) + "- deeper"))),
            Page + ":63: the line is indented by 102 spaces");

    [Fact]
    public void Quotes_nested_on_one_line_are_a_problem_not_a_crash() =>
        AssertProblem(new SampleModule().Replace("01-page.md", "- two", string.Concat(Enumerable.Repeat("> ", 1_000)) + "deep"),
            Page + ":12: the line nests lists, quotes or brackets more than 32 deep");

    [Fact]
    public void Markdown_too_deep_to_render_is_a_problem_at_its_paragraph_not_a_crash()
    {
        // Emphasis opened on 3,000 short lines: every line is within the limits and Markdig reads it, but will not write it out.
        var emphasis = string.Concat(Enumerable.Repeat("*a\n", 3_000)) + "b" + string.Concat(Enumerable.Repeat("\nc*", 3_000));

        AssertProblem(new SampleModule().Replace("01-page.md", "- two", emphasis), Page + ":11: the markdown could not be read");
    }

    [Fact]
    public void A_heading_line_of_brackets_in_front_matter_is_a_problem_not_a_crash() =>
        AssertProblem(new SampleModule().Replace("module.md", "title: Sample module", "title: " + new string('[', 5_000)),
            "modules/sample/module.md:3: the line nests lists, quotes or brackets more than 32 deep");
}
