using CSELearning.Web.Content;

namespace CSELearning.UnitTests.Content;

public class ContentHashTests
{
    [Fact]
    public void The_same_content_gives_the_same_hash()
    {
        var first = new SampleModule().LoadValid();
        var second = new SampleModule().LoadValid();

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^sha256:[0-9a-f]{64}$", first.ContentHash);
    }

    [Theory]
    [InlineData("01-page.md", "Text citing", "Words citing")]
    [InlineData("02-scenario.md", "It went well.", "It went very well.")]
    [InlineData("module.md", "summary: A module for tests.", "summary: A module for testing.")]
    public void One_changed_word_gives_another_hash(string file, string old, string replacement)
    {
        var original = new SampleModule().LoadValid();
        var changed = new SampleModule().Replace(file, old, replacement).LoadValid();

        Assert.NotEqual(original.ContentHash, changed.ContentHash);
    }

    [Fact]
    public void Renaming_a_section_file_changes_the_hash()
    {
        var original = new SampleModule().LoadValid();
        var renamed = new SampleModule().Without("01-page.md").With("05-page.md", SampleModule.PageMd).LoadValid();

        Assert.NotEqual(original.ContentHash, renamed.ContentHash);
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_order_files_are_read_in()
    {
        var files = new SampleModule().Files().ToList();

        Assert.Equal(ContentHash.Of(files), ContentHash.Of(Enumerable.Reverse(files)));
    }
}
