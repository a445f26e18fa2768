using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Http;

namespace CSELearning.Web.Features.Modules;

/// <summary>A knowledge check's questions, as a form; with the learner's earlier attempts listed.</summary>
public static class TakeCheck
{
    /// <param name="Attempt">The number the next attempt will have: the form carries it, so a replayed form is recognised.</param>
    /// <param name="Chosen">Options chosen by question id, kept when the form comes back with a problem.</param>
    /// <param name="Errors">Questions left unanswered, by question id.</param>
    /// <param name="Problem">Why a submission changed nothing, when it is not about one question.</param>
    public sealed record Model(ContentModule Module, KnowledgeCheck Check, int Attempt, IReadOnlyList<CheckAttempt> Attempts,
        IReadOnlyDictionary<string, IReadOnlyList<int>> Chosen, IReadOnlyDictionary<string, string> Errors, string? Problem)
    {
        public static string FieldName(Question question) => "answer-" + question.Id;

        /// <summary>The first option's id is the field's name, so the error summary's link lands on it.</summary>
        public static string OptionId(Question question, int number) =>
            number == 1 ? FieldName(question) : FieldName(question) + "-" + number.ToString(CultureInfo.InvariantCulture);

        public bool IsChosen(Question question, int number) => Chosen.TryGetValue(question.Id, out var chosen) && chosen.Contains(number);
    }

    public abstract record Result;
    public sealed record NotFound : Result;
    public sealed record StartFirst(string Url) : Result;
    public sealed record Submitted(string Url) : Result;
    public sealed record Show(Model Model, int StatusCode = StatusCodes.Status200OK) : Result;

    public sealed record Context(ContentModule Module, KnowledgeCheck Check, ModuleProgress Progress, IReadOnlyList<CheckAttempt> Attempts);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records)
    {
        public async Task<Result> ShowAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            var (early, context) = await LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            await records.NoteVisitAsync(context!.Progress, context.Check.Id, cancellationToken);
            return new Show(ModelOf(context));
        }

        public async Task<(Result? Early, Context? Context)> LoadAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module || module.FindSection(sectionId) is not KnowledgeCheck check) return (new NotFound(), null);
            var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
            if (status.Working is not { } progress) return (new StartFirst(ModuleSections.StartUrl(module)), null);
            var done = await records.SectionsAsync(progress, cancellationToken);
            return (null, new Context(module, check, progress, done.AttemptsAt(check)));
        }

        public static Model ModelOf(Context context, IReadOnlyDictionary<string, IReadOnlyList<int>>? chosen = null,
            IReadOnlyDictionary<string, string>? errors = null, string? problem = null) =>
            new(context.Module, context.Check, context.Attempts.Count + 1, context.Attempts,
                chosen ?? new Dictionary<string, IReadOnlyList<int>>(), errors ?? new Dictionary<string, string>(), problem);
    }
}

/// <summary>
/// Submitting answers to a knowledge check: every attempt is recorded and marked against the module's pass
/// mark. Answers that are not the check's, or a form already submitted, change nothing.
/// </summary>
public static class SubmitAnswers
{
    public sealed class Handler(TakeCheck.Handler take, LearnerRecords records, AppDbContext db)
    {
        public async Task<TakeCheck.Result> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, IFormCollection form, CancellationToken cancellationToken)
        {
            var (early, context) = await take.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            var (module, check, progress, attempts) = context!;

            var expected = attempts.Count + 1;
            if (!int.TryParse(form["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number != expected)
                return OutOfDate(context);

            var (chosen, errors, tampered) = Read(check, form);
            if (tampered) return new TakeCheck.Show(TakeCheck.Handler.ModelOf(context, problem:
                "Some of the answers sent are not options in this check, so nothing was recorded. Choose your answers from the options below."), StatusCodes.Status400BadRequest);
            if (errors.Count > 0) return new TakeCheck.Show(TakeCheck.Handler.ModelOf(context, chosen, errors), StatusCodes.Status400BadRequest);

            var attempt = CheckAttempt.Submit(progress, module, check, number, chosen, records.Now);
            db.CheckAttempts.Add(attempt);
            if (!await records.TrySaveAsync(cancellationToken))
            {
                var (_, fresh) = await take.LoadAsync(principal, id, sectionId, cancellationToken);
                return OutOfDate(fresh ?? context);
            }
            return new TakeCheck.Submitted(AttemptResult.Url(module, check, number));
        }

        private static TakeCheck.Show OutOfDate(TakeCheck.Context context) =>
            new(TakeCheck.Handler.ModelOf(context, problem: context.Attempts.Count == 0
                ? "That form was out of date, so nothing was recorded. Answer the questions below."
                : $"Those answers were already submitted as attempt {context.Attempts.Count}, so nothing more was recorded. You can see that attempt's result below, or try again."),
                StatusCodes.Status409Conflict);

        /// <summary>
        /// The options chosen for each question, from fields named answer-{question id} holding option numbers.
        /// Unanswered questions are errors to show; anything not an option of the check means the form was tampered with.
        /// </summary>
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
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var option) || option < 1 || option > question.Options.Count)
                        return (chosen, errors, true);
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

/// <summary>The result of one attempt: the score against the pass mark, and every option explained.</summary>
public static class AttemptResult
{
    public static string Url(ContentModule module, KnowledgeCheck check, int number) =>
        $"/modules/{module.Id}/{check.Id}/attempts/{number.ToString(CultureInfo.InvariantCulture)}";

    /// <param name="Marking">Which questions the attempt answered correctly, marked against the check as it is now.</param>
    public sealed record Model(ContentModule Module, KnowledgeCheck Check, CheckAttempt Attempt, IReadOnlyList<CheckAttempt> Attempts,
        ILookup<string, int> Chosen, Read.Link Next)
    {
        public bool IsChosen(Question question, int number) => Chosen[question.Id].Contains(number);

        public bool AnsweredCorrectly(Question question) =>
            question.Options.Select((o, i) => (o.IsCorrect, Number: i + 1)).All(x => x.IsCorrect == IsChosen(question, x.Number));
    }

    public sealed class Handler(TakeCheck.Handler take)
    {
        /// <summary>Null when there is no such attempt in the learner's own progress.</summary>
        public async Task<TakeCheck.Result?> HandleAsync(ClaimsPrincipal principal, string id, string sectionId, int number, CancellationToken cancellationToken)
        {
            var (early, context) = await take.LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            if (context!.Attempts.FirstOrDefault(a => a.Number == number) is not { } attempt) return new TakeCheck.NotFound();
            return new Shown(new Model(context.Module, context.Check, attempt, context.Attempts,
                attempt.Answers.ToLookup(a => a.QuestionId, a => a.OptionNumber, StringComparer.Ordinal),
                ModuleSections.Next(context.Module, context.Check)));
        }
    }

    public sealed record Shown(Model Model) : TakeCheck.Result;
}
