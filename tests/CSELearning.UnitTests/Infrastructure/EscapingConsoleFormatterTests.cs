using CSELearning.Web.Infrastructure.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CSELearning.UnitTests.Infrastructure;

public class EscapingConsoleFormatterTests
{
    private static string Write(string message, Exception? exception = null)
    {
        var formatter = new EscapingConsoleFormatter(new StaticOptions());
        var entry = new LogEntry<string>(LogLevel.Warning, "CSELearning.Test", new EventId(7), message, exception, (state, _) => state);
        using var writer = new StringWriter();
        formatter.Write(entry, null, writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("bell\u0007 escape\u001b[2K", @"bell\u0007 escape\u001b[2K")]
    [InlineData("next line\u0085 separator\u2028 paragraph\u2029", @"next line\u0085 separator\u2028 paragraph\u2029")]
    [InlineData(@"already \r escaped", @"already \\r escaped")]
    [InlineData("plain text, ünïcode", "plain text, ünïcode")]
    public void Control_characters_become_visible_escapes(string value, string escaped) =>
        Assert.Equal(escaped, LogValue.Escape(value));

    [Fact]
    public void An_entry_is_one_line_however_many_breaks_its_message_holds()
    {
        var written = Write("Sign-in failed for mallory@riverside.example\r\nfail: Forged[0] entry\n");

        Assert.Equal("warn: CSELearning.Test[7] Sign-in failed for mallory@riverside.example\\r\\nfail: Forged[0] entry\\n\n", written);
    }

    [Fact]
    public void An_exception_keeps_its_lines_each_indented_with_control_characters_escaped()
    {
        var written = Write("Request failed", new InvalidOperationException("bad input\rfail: Forged[0]"));

        var lines = written.TrimEnd('\n').Split('\n');
        Assert.Equal("warn: CSELearning.Test[7] Request failed", lines[0]);
        Assert.Equal(@"      System.InvalidOperationException: bad input\rfail: Forged[0]", lines[1]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("      ", line, StringComparison.Ordinal));
        Assert.DoesNotContain('\r', written);
    }

    private sealed class StaticOptions : IOptionsMonitor<ConsoleFormatterOptions>
    {
        public ConsoleFormatterOptions CurrentValue { get; } = new();
        public ConsoleFormatterOptions Get(string? name) => CurrentValue;
        public IDisposable? OnChange(Action<ConsoleFormatterOptions, string?> listener) => null;
    }
}
