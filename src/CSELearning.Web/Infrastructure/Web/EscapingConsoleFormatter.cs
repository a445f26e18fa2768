using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Messages carry what people typed; escaping here, where every entry passes, means no value can break a
/// line and forge an entry that looks like the site's own.
/// </summary>
public sealed class EscapingConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "escaped";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;

        var line = new StringBuilder();
        if (options.CurrentValue.TimestampFormat is { } format)
        {
            var now = options.CurrentValue.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            line.Append(now.ToString(format, CultureInfo.InvariantCulture));
        }
        line.Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category)
            .Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ");
        LogValue.AppendEscaped(line, message ?? "");
        if (logEntry.Exception is { } exception)
        {
            // Stack trace lines stay lines, each indented so none can pass for an entry of its own.
            foreach (var exceptionLine in exception.ToString().Split('\n'))
            {
                line.Append('\n').Append("      ");
                LogValue.AppendEscaped(line, exceptionLine.EndsWith('\r') ? exceptionLine[..^1] : exceptionLine);
            }
        }
        line.Append('\n');
        textWriter.Write(line.ToString());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

public static class LogValue
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        var builder = new StringBuilder(value.Length + 8);
        AppendEscaped(builder, value);
        return builder.ToString();
    }

    public static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case '\\': builder.Append("\\\\"); break;
                // C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
                case var _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }
    }
}

public static class LoggingExtensions
{
    /// <summary>The console log through <see cref="EscapingConsoleFormatter"/>, unless configuration names another formatter (json escapes by itself).</summary>
    public static IHostApplicationBuilder AddEscapedConsoleLog(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<EscapingConsoleFormatter, ConsoleFormatterOptions>();
        if (string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = EscapingConsoleFormatter.Name);
        return builder;
    }
}
