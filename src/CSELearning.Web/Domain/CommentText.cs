namespace CSELearning.Web.Domain;

// The rules for a comment's text, wherever it is written: a supervisor's on a stage of a reflective log, a
// supervisee's on a record of their supervision. Both hold to one set so that the two cannot drift apart.
public static class CommentText
{
    public const int MaxLength = 5_000;

    // The text to store, trimmed; refused when it is blank or longer than MaxLength.
    public static string Require(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Write a comment.");
        text = TextInput.Normalise(text.Trim());
        if (text.Length > MaxLength) throw new DomainException($"A comment must be {MaxLength:N0} characters or fewer (it is {text.Length:N0})");
        TextInput.Require(text, "The comment", TextShape.MultiLine);
        return text;
    }
}
