using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Modules;

// The result of one attempt: the score against the pass mark, and every option explained.
public static class AttemptResult
{
    public static string Url(ContentModule module, KnowledgeCheck check, int number) =>
        $"/modules/{module.Id}/{check.Id}/attempts/{number.ToString(CultureInfo.InvariantCulture)}";

    // Marking: Which questions the attempt answered correctly, marked against the check as it is now.
    public sealed record Model(ContentModule Module, KnowledgeCheck Check, CheckAttempt Attempt, IReadOnlyList<CheckAttempt> Attempts,
        ILookup<string, int> Chosen, Read.Link Next)
    {
        public bool IsChosen(Question question, int number) => Chosen[question.Id].Contains(number);

        public bool AnsweredCorrectly(Question question) =>
            question.Options.Select((o, i) => (o.IsCorrect, Number: i + 1)).All(x => x.IsCorrect == IsChosen(question, x.Number));
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
                ModuleSections.Next(context.Module, context.Check)));
        }
    }
}
