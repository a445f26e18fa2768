using CSELearning.Web.Content;

namespace CSELearning.UnitTests.Content;

public class ModuleVersionTests
{
    [Theory]
    [InlineData("1.2.0", 1, 2, 0)]
    [InlineData(" 10.0.12 ", 10, 0, 12)]
    public void Parses_three_numbers(string text, int major, int minor, int patch) =>
        Assert.Equal(new ModuleVersion(major, minor, patch), ModuleVersion.Parse(text));

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.0.0")]
    [InlineData("v1.2.0")]
    [InlineData("1.-2.0")]
    [InlineData("")]
    public void Refuses_anything_else(string text) => Assert.False(ModuleVersion.TryParse(text, out _));

    [Fact]
    public void Compares_number_by_number_not_as_text()
    {
        Assert.True(ModuleVersion.Parse("1.10.0") > ModuleVersion.Parse("1.9.5"));
        Assert.True(ModuleVersion.Parse("2.0.0") > ModuleVersion.Parse("1.99.99"));
        Assert.Equal("1.10.0", ModuleVersion.Parse("1.10.0").ToString());
    }

    private static ContentModule ModuleWithChanges(string version, params (string Version, string Change)[] changes)
    {
        var log = string.Join("", changes.Select(c => $"  - version: {c.Version}\n    change: {c.Change}\n    summary: A change.\n"));
        var text = SampleModule.ModuleMd.Replace("version: 1.1.0\n", $"version: {version}\n", StringComparison.Ordinal);
        var start = text.IndexOf("changes:\n", StringComparison.Ordinal) + "changes:\n".Length;
        var end = text.IndexOf("summary: A module", StringComparison.Ordinal);
        return new SampleModule().With("module.md", text[..start] + log + text[end..]).LoadValid();
    }

    [Fact]
    public void A_major_change_since_a_completed_version_calls_the_learner_back()
    {
        var module = ModuleWithChanges("2.1.0", ("2.1.0", "minor"), ("2.0.0", "major"), ("1.1.0", "minor"), ("1.0.0", "major"));

        Assert.True(module.IsSupersededByMajorChange(ModuleVersion.Parse("1.0.0")));
        Assert.True(module.IsSupersededByMajorChange(ModuleVersion.Parse("1.1.0")));
        Assert.False(module.IsSupersededByMajorChange(ModuleVersion.Parse("2.0.0")));
        Assert.False(module.IsSupersededByMajorChange(ModuleVersion.Parse("2.1.0")));
    }

    [Fact]
    public void Minor_changes_never_call_a_learner_back()
    {
        var module = ModuleWithChanges("1.2.0", ("1.2.0", "minor"), ("1.1.0", "minor"), ("1.0.0", "major"));

        Assert.False(module.IsSupersededByMajorChange(ModuleVersion.Parse("1.0.0")));
    }
}
