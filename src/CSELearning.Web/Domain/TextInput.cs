using System.Globalization;
using System.Text;

namespace CSELearning.Web.Domain;

public enum TextShape
{
    // A name, a title, an email address: one line, shown in lists, headings and on certificates.
    SingleLine,

    // A reflection, a note, a comment: paragraphs, so line breaks and tabs are part of the text.
    MultiLine,
}

/// <summary>
/// What counts as text in anything a person types, in one place: every free-text rule in the domain asks it.
/// Text is stored in Unicode normal form C with line breaks as \n. It is refused when it holds a control character
/// (which a PDF, a terminal or a spreadsheet may act on), a character that reorders the text around it (so a name
/// could read one way on the verification page and another on the certificate), or, once it holds anything at
/// all, no character anyone can see. Each refusal names the character and where it is, so the person can find it.
/// </summary>
public static class TextInput
{
    /// <summary>NFC with every line break as \n. Text that cannot be normalised (an unpaired surrogate) is left as it is for <see cref="Problem"/> to refuse.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\r', StringComparison.Ordinal))
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>
    /// Null when <paramref name="text"/> is acceptable; otherwise the message for the person, which begins with
    /// <paramref name="label"/> ("Full name must not contain ..."). Positions count characters from 1.
    /// </summary>
    public static string? Problem(string? text, string label, TextShape shape)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var position = 0;
        var visible = false;
        var invisible = (Rune?)null;
        for (var i = 0; i < text.Length;)
        {
            position++;
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
                return $"{label} must not contain the unpaired surrogate U+{(int)text[i]:X4}, at character {position}. Type that character again.";
            i += used;

            if (Refusal(rune, shape) is var (what, why)) return $"{label} must not contain {what}, at character {position}{why}.";
            if (IsVisible(rune)) visible = true;
            else if (!Rune.IsWhiteSpace(rune)) invisible ??= rune;
        }
        // Only spaces is a blank field, which each rule words for itself ("Enter a name"); a zero-width space is not.
        if (!visible && invisible is { } hidden)
            return $"{label} must contain a letter, number or symbol you can see: it has only invisible characters, such as {Describe(hidden)}.";
        return null;
    }

    /// <summary>Throws a <see cref="DomainException"/> with <see cref="Problem"/>'s message when there is one.</summary>
    public static void Require(string? text, string label, TextShape shape)
    {
        if (Problem(text, label, shape) is { } problem) throw new DomainException(problem);
    }

    // What the character is, and why it is refused when the name alone does not say.
    private static (string What, string Why)? Refusal(Rune rune, TextShape shape)
    {
        var value = rune.Value;
        if (value is '\n' or '\r' or '\t' || value is 0x2028 or 0x2029)
            return shape == TextShape.MultiLine ? null : (Describe(rune), ": it must be on one line");
        if (value < 0x20 || value is >= 0x7F and <= 0x9F) return ($"the control character {Describe(rune)}", "");
        if (IsDirectionControl(value))
            return ($"the text-direction character {Describe(rune)}", ", which changes the order the text is shown in");
        // The marks only nudge punctuation next to right-to-left words, which a paragraph in Arabic or Hebrew may
        // need; a name or title is shown in too many places (a PDF among them) for even that.
        if (value is 0x200E or 0x200F or 0x061C)
            return shape == TextShape.MultiLine ? null : ($"the text-direction character {Describe(rune)}", "");
        if (value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE) return ($"the non-character {Describe(rune)}", "");
        return null;
    }

    /// <summary>The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder the text around them.</summary>
    public static bool IsDirectionControl(int value) => value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    // A character that puts ink on the page: not a space, a control, a format character, a combining mark on its
    // own, or one of the letters that are drawn blank.
    private static bool IsVisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark => false,
            _ => rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800),
        };

    /// <summary>"U+0007 (bell)": the code point, and its name where a person might recognise it.</summary>
    public static string Describe(Rune rune) =>
        Names.TryGetValue(rune.Value, out var name) ? $"U+{rune.Value:X4} ({name})" : $"U+{rune.Value:X4}";

    private static readonly Dictionary<int, string> Names = new()
    {
        [0x00] = "null", [0x07] = "bell", [0x08] = "backspace", [0x09] = "tab", [0x0A] = "line break", [0x0B] = "vertical tab",
        [0x0C] = "form feed", [0x0D] = "carriage return", [0x1B] = "escape", [0x7F] = "delete", [0x85] = "next line",
        [0x00AD] = "soft hyphen", [0x034F] = "combining grapheme joiner", [0x061C] = "Arabic letter mark",
        [0x115F] = "Hangul choseong filler", [0x1160] = "Hangul jungseong filler", [0x180E] = "Mongolian vowel separator",
        [0x200B] = "zero width space", [0x200C] = "zero width non-joiner", [0x200D] = "zero width joiner",
        [0x200E] = "left-to-right mark", [0x200F] = "right-to-left mark", [0x2028] = "line separator", [0x2029] = "paragraph separator",
        [0x202A] = "left-to-right embedding", [0x202B] = "right-to-left embedding", [0x202C] = "pop directional formatting",
        [0x202D] = "left-to-right override", [0x202E] = "right-to-left override", [0x2060] = "word joiner",
        [0x2066] = "left-to-right isolate", [0x2067] = "right-to-left isolate", [0x2068] = "first strong isolate",
        [0x2069] = "pop directional isolate", [0x2800] = "braille pattern blank", [0x3164] = "Hangul filler",
        [0xFEFF] = "zero width no-break space", [0xFFA0] = "halfwidth Hangul filler",
    };
}
