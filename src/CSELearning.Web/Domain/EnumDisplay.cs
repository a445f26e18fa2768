using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace CSELearning.Web.Domain;

public static class EnumDisplay
{
    // The human name an enum value declares with [Display], or its identifier.
    public static string DisplayName<T>(this T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? value.ToString();

    // Parses an enum value from its identifier or its display name, ignoring case and spacing.
    public static bool TryParseDisplay<T>(string? text, out T value) where T : struct, Enum
    {
        var wanted = Normalise(text);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Normalise(candidate.ToString()) == wanted || Normalise(candidate.DisplayName()) == wanted)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string Normalise(string? text) =>
        new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
