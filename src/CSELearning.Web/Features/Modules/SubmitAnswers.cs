using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace CSELearning.Web.Features.Modules;

public static class SubmitAnswers
{
    public sealed class Handler(TakeCheck.Handler take, LearnerRecords records, AppDbContext db)
    {
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, IFormCollection form, CancellationToken cancellationToken)
        {
            var (early, context) = await take.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var (module, check, progress, attempts) = context!;

            var expected = attempts.Count + 1;
            if (!int.TryParse(form["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number != expected)
                return OutOfDate(context);

            if (FormFields.HasUnexpected(form.Keys.Where(k => !k.StartsWith("answer-", StringComparison.Ordinal)), "attempt"))
                return new Page<TakeCheck.Model>(TakeCheck.Handler.ModelOf(context, problem:
                    "That form sent something this page never sends, such as a score, so nothing was recorded. A check's score is worked out from your answers: choose them below."), StatusCodes.Status400BadRequest);
            var (chosen, errors, tampered) = Read(check, form);
            if (tampered) return new Page<TakeCheck.Model>(TakeCheck.Handler.ModelOf(context, problem:
                "Some of the answers sent are not options in this check, so nothing was recorded. Choose your answers from the options below."), StatusCodes.Status400BadRequest);
            if (errors.Count > 0) return new Page<TakeCheck.Model>(TakeCheck.Handler.ModelOf(context, chosen, errors), StatusCodes.Status400BadRequest);

            var attempt = CheckAttempt.Submit(progress, module, check, number, chosen, records.Now);
            db.CheckAttempts.Add(attempt);
            if (!await records.TrySaveAsync(cancellationToken))
            {
                var (_, fresh) = await take.LoadAsync(principal, id, sectionId, cancellationToken);
                return OutOfDate(fresh ?? context);
            }
            return new Done(AttemptResult.Url(module, check, number));
        }

        private static Page<TakeCheck.Model> OutOfDate(TakeCheck.Context context) =>
            new(TakeCheck.Handler.ModelOf(context, problem: context.Attempts.Count == 0
                ? "That form was out of date, so nothing was recorded. Answer the questions below."
                : $"Those answers were already submitted as attempt {context.Attempts.Count}, so nothing more was recorded. You can see that attempt's result below, or try again."),
                StatusCodes.Status409Conflict);

        // Anything not the key of one of the question's own options (a position, another question's option) means the
        // form was tampered with.
        public static (Dictionary<string, IReadOnlyList<int>> Chosen, Dictionary<string, string> Errors, bool Tampered) Read(KnowledgeCheck check, IFormCollection form)
        {
            var chosen = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var questions = check.Questions.ToDictionary(TakeCheck.Model.FieldName, StringComparer.Ordinal);

            foreach (var key in form.Keys.Where(k => k.StartsWith("answer-", StringComparison.Ordinal)))
            {
                if (!questions.TryGetValue(key, out var question)) return (chosen, errors, true);
                var numbers = new List<int>();
                foreach (var value in form[key])
                {
                    var option = question.Options.ToList().FindIndex(o => string.Equals(o.Key, value, StringComparison.Ordinal)) + 1;
                    if (option == 0) return (chosen, errors, true);
                    if (!numbers.Contains(option)) numbers.Add(option);
                }
                if (!question.AllowsMultipleAnswers && numbers.Count > 1) return (chosen, errors, true);
                if (numbers.Count > 0) chosen[question.Id] = numbers;
            }

            var position = 0;
            foreach (var question in check.Questions)
            {
                position++;
                if (!chosen.ContainsKey(question.Id))
                    errors[question.Id] = question.AllowsMultipleAnswers
                        ? $"Select at least one answer to question {position}"
                        : $"Select an answer to question {position}";
            }
            return (chosen, errors, false);
        }
    }
}
