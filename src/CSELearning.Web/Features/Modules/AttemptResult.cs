using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// The result of one attempt: the score against the pass mark. Until the learner has passed, it says which questions
// were wrong and where each is taught, never the answers, so trying again means reading again; once they have passed,
// every option of every attempt is explained.
public static class AttemptResult
{
    public static string Url(ContentModule module, KnowledgeCheck check, int number) =>
        $"/modules/{module.Id}/{check.Id}/attempts/{number.ToString(CultureInfo.InvariantCulture)}";

    // Order: the options as this attempt showed them.
    public sealed record Model(ContentModule Module, KnowledgeCheck Check, CheckAttempt Attempt, IReadOnlyList<CheckAttempt> Attempts,
        ILookup<string, int> Chosen, IReadOnlyDictionary<string, int[]> Order, Read.Link Next)
    {
        public bool AnswersShown => Attempts.Any(a => a.Passed);

        // Where to read again, by the question's "Taught in" line.
        public Read.Link? TaughtIn(Question question) =>
            question.TaughtIn is { } taught && Module.FindSection(taught.SectionId) is { } section
                ? new Read.Link(ModuleSections.Url(Module, section) + (taught.HeadingId is { } heading ? "#" + heading : ""), section.Title)
                : null;

        public bool IsChosen(Question question, int number) => Chosen[question.Id].Contains(number);

        public bool AnsweredCorrectly(Question question) => CheckAttempt.IsRight(question, Chosen[question.Id]);
    }

    public sealed class Handler(TakeCheck.Handler take)
    {
        // Not found when there is no such attempt in the learner's own progress.
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, int number, CancellationToken cancellationToken)
        {
            var (early, context) = await take.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            if (context!.Attempts.FirstOrDefault(a => a.Number == number) is not { } attempt) return new NotFound();
            return new Page<Model>(new Model(context.Module, context.Check, attempt, context.Attempts,
                attempt.Answers.ToLookup(a => a.QuestionId, a => a.OptionNumber, StringComparer.Ordinal),
                attempt.ShownOrder(context.Check), ModuleSections.Next(context.Module, context.Check)));
        }
    }
}
