using System.Text;
using System.Text.RegularExpressions;
using CSELearning.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.UnitTests.Data;

/// <summary>
/// A migration is frozen in time: it must do on a database migrated next year what it did on one migrated the day
/// it was written, so it carries its own SQL and names no code of the application's, which will change after it.
/// </summary>
public partial class MigrationConventionTests
{
    [Fact]
    public void No_migration_names_a_type_or_namespace_of_the_application_but_its_context()
    {
        var application = typeof(AppDbContext).Assembly;
        var migrations = application.GetTypes().Where(t => t.IsSubclassOf(typeof(Migration))).Select(t => t.Name).ToHashSet();
        // Top-level types and namespace parts are enough: a nested type or a member can only be named through them.
        var ownTypes = application.GetTypes().Where(t => !t.IsNested && (t.Namespace is null || t.Namespace.StartsWith("CSELearning", StringComparison.Ordinal)));
        var ownNames = ownTypes.Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).Select(t => t.Name.Split('`')[0])
            .Concat(ownTypes.SelectMany(t => t.Namespace?.Split('.') ?? []))
            .Where(name => name != nameof(AppDbContext) && !migrations.Contains(name))
            .ToHashSet();

        var files = Directory.GetFiles(MigrationsFolder(), "*.cs");
        var named = files.SelectMany(file => NamesIn(File.ReadAllText(file)).Where(ownNames.Contains).Distinct()
            .Select(name => $"{Path.GetFileName(file)} names {name}")).ToList();

        Assert.NotEmpty(files);
        Assert.Empty(named);
    }

    private static string MigrationsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CSELearning.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root."),
            "src", "CSELearning.Web", "Data", "Migrations");
    }

    /// <summary>
    /// The names the file's code could refer to: every identifier but a member after a dot and one given a value
    /// (an anonymous type's column, a named local), read outside comments and literals but inside doc comments'
    /// crefs and interpolated strings' holes.
    /// </summary>
    private static IEnumerable<string> NamesIn(string source)
    {
        var code = CodeOf(NamespaceDeclaration().Replace(source, ""));
        foreach (Match identifier in Identifier().Matches(code))
        {
            var before = identifier.Index - 1;
            while (before >= 0 && char.IsWhiteSpace(code[before])) before--;
            var after = identifier.Index + identifier.Length;
            while (after < code.Length && char.IsWhiteSpace(code[after])) after++;
            var memberAfterDot = before >= 0 && code[before] == '.';
            var givenAValue = code.AsSpan(after).StartsWith("=") && !code.AsSpan(after).StartsWith("==") && !code.AsSpan(after).StartsWith("=>");
            if (!memberAfterDot && !givenAValue) yield return identifier.Value;
        }
    }

    /// <summary>The source with comments, and the text of string and character literals, left out.</summary>
    private static string CodeOf(string source)
    {
        var code = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            if (source.AsSpan(i).StartsWith("//"))
            {
                var end = source.IndexOf('\n', i) is var n and >= 0 ? n : source.Length;
                foreach (Match cref in Cref().Matches(source[i..end])) code.Append(' ').Append(cref.Groups[1].Value).Append(' ');
                i = end;
            }
            else if (source.AsSpan(i).StartsWith("/*"))
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                code.Append(' ');
            }
            else if (source[i] == '\'')
            {
                i = source.IndexOf('\'', source[i + 1] == '\\' ? i + 3 : i + 2) + 1;
                code.Append(' ');
            }
            else if (StringLiteral().Match(source, i) is { Success: true, Index: var at } literal && at == i)
            {
                i = SkipString(source, i + literal.Length, literal.Groups["dollars"].Length, literal.Groups["at"].Success,
                    literal.Groups["quotes"].Length, code);
            }
            else code.Append(source[i++]);
        }
        return code.ToString();
    }

    /// <summary>
    /// Skips a string literal's text from just after its opening quotes, and returns where it ends; the code in its
    /// interpolation holes goes into <paramref name="code"/>.
    /// </summary>
    private static int SkipString(string source, int i, int dollars, bool verbatim, int quotes, StringBuilder code)
    {
        if (quotes == 2) return i; // ""
        var raw = quotes >= 3;
        var close = new string('"', quotes);
        var opensHole = new string('{', Math.Max(dollars, 1));
        while (i < source.Length)
        {
            if (raw ? source.AsSpan(i).StartsWith(close) : source[i] == '"' && !(verbatim && source.AsSpan(i).StartsWith("\"\"")))
                return i + quotes;
            if (!raw && !verbatim && source[i] == '\\') i += 2;
            else if (!raw && source.AsSpan(i).StartsWith("\"\"")) i += 2;
            else if (dollars > 0 && !raw && source.AsSpan(i).StartsWith("{{")) i += 2;
            else if (dollars > 0 && source.AsSpan(i).StartsWith(opensHole) && !source.AsSpan(i + opensHole.Length).StartsWith("{"))
            {
                var start = i + opensHole.Length;
                var end = start;
                for (var depth = 0; depth > 0 || source[end] != '}'; end++)
                    depth += source[end] switch { '{' => 1, '}' => -1, _ => 0 };
                code.Append(' ').Append(CodeOf(source[start..end])).Append(' ');
                i = end + Math.Max(dollars, 1);
            }
            else i++;
        }
        return i;
    }

    [GeneratedRegex(@"^namespace\s+[\w.]+\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("""cref="([^"]*)"?""")]
    private static partial Regex Cref();

    [GeneratedRegex("""\G(?:(?<dollars>\$+)(?<at>@)?|(?<at>@)(?<dollars>\$*))?(?<quotes>"+)""")]
    private static partial Regex StringLiteral();
}
