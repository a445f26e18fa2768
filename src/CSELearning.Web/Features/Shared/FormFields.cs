namespace CSELearning.Web.Features.Shared;

// A form that sends a field its page never has (an ending, a score, CPD hours) was made or changed by hand: what such
// a field would claim is worked out on the server, so the post is refused rather than the field quietly ignored.
public static class FormFields
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    public static bool HasUnexpected(IEnumerable<string> sent, params string[] expected) =>
        sent.Any(name => name != AntiforgeryField && !expected.Contains(name, StringComparer.OrdinalIgnoreCase));
}
