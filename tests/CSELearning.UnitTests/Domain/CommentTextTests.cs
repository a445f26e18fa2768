using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;

namespace CSELearning.UnitTests.Domain;

public class CommentTextTests
{
    private static readonly Guid Supervisor = Guid.CreateVersion7();
    private static readonly Guid Supervisee = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly PlainProtector Protector = new();

    public static TheoryData<string, string> Refusals => new()
    {
        { " \n ", "Write a comment." },
        { new string('c', CommentText.MaxLength + 1), $"A comment must be {CommentText.MaxLength:N0} characters or fewer (it is {CommentText.MaxLength + 1:N0})" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_supervisor_s_comment_on_a_log_and_a_supervisee_s_on_a_record_are_refused_alike(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<DomainException>(() => new ReviewComment(SharedLog(), Supervisor, GibbsStage.Feelings, text, Protector, Now)).Message);
        Assert.Equal(message, Assert.Throws<DomainException>(() => Record().AddComment(Supervisee, text, Protector, Now)).Message);
    }

    [Fact]
    public void Both_keep_a_comment_of_the_longest_length_trimmed()
    {
        var text = " " + new string('c', CommentText.MaxLength - 2) + " ";

        Assert.Equal(text.Trim(), new ReviewComment(SharedLog(), Supervisor, GibbsStage.Feelings, text, Protector, Now).Read(Protector));
        Assert.Equal(text.Trim(), Record().AddComment(Supervisee, text, Protector, Now).Read(Protector));
    }

    private static ReflectiveLog SharedLog()
    {
        var log = new ReflectiveLog(Supervisee, new ReflectionText("A missing-from-home return interview", new Dictionary<GibbsStage, string>()), Protector, Now);
        log.Share(Supervisee, log.Version, Now);
        return log;
    }

    private static SupervisionRecord Record() =>
        SupervisionRecord.Start(Supervisor, Supervisee, [], new SessionDetails(DateOnly.FromDateTime(Now), null, SessionNotes.Empty, [], []), Protector, Now);

    private sealed class PlainProtector : ITextProtector
    {
        public string Protect(string plaintext) => plaintext;

        public string Unprotect(string protectedText) => protectedText;
    }
}
