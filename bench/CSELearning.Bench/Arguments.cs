using System.Globalization;

namespace CSELearning.Bench;

/// <summary>"--name value" pairs; a name may repeat (timed takes several --url).</summary>
public sealed class Arguments(ILookup<string, string> values)
{
    public static Arguments Parse(string[] args)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected --name before '{args[i]}'.");
            pairs.Add((args[i][2..], args[i + 1]));
        }
        return new Arguments(pairs.ToLookup(p => p.Item1, p => p.Item2));
    }

    public string Text(string name) => values[name].LastOrDefault() ?? throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => values[name].LastOrDefault();

    public int Number(string name, int? fallback = null) =>
        values[name].LastOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture)
            : fallback ?? throw new ArgumentException($"--{name} is required.");

    public IReadOnlyList<string> All(string name) => [.. values[name]];
}
