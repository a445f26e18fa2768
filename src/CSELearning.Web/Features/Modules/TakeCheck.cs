using System.Globalization;
using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Http;

namespace CSELearning.Web.Features.Modules;

public static class TakeCheck
{
    // Attempt: the form carries it, so a replayed form is recognised. Order: each question's written option numbers in
    // the order this attempt shows them.
    public sealed record Model(ContentModule Module, KnowledgeCheck Check, int Attempt, IReadOnlyList<CheckAttempt> Attempts,
        IReadOnlyDictionary<string, int[]> Order, IReadOnlyDictionary<string, IReadOnlyList<int>> Chosen,
        IReadOnlyDictionary<string, string> Errors, string? Problem)
    {
        public static string FieldName(Question question) => "answer-" + question.Id;

        // By the place on the page, not the option: the first one shown has the field's name, so the error summary's
        // link lands on it.
        public static string OptionId(Question question, int place) =>
            place == 1 ? FieldName(question) : FieldName(question) + "-" + place.ToString(CultureInfo.InvariantCulture);

        public bool IsChosen(Question question, int number) => Chosen.TryGetValue(question.Id, out var chosen) && chosen.Contains(number);
    }

    public sealed record Context(ContentModule Module, KnowledgeCheck Check, ModuleProgress Progress, IReadOnlyList<CheckAttempt> Attempts);

    public sealed class Handler(ContentCatalog catalog, LearnerRecords records)
    {
        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            var (early, context) = await LoadAsync(principal, id, sectionId, cancellationToken);
            if (early is not null) return early;
            await records.NoteVisitAsync(context!.Progress, context.Check.Id, cancellationToken);
            return new Page<Model>(ModelOf(context));
        }

        public async Task<(HandlerResult? Early, Context? Context)> LoadAsync(ClaimsPrincipal principal, string id, string sectionId, CancellationToken cancellationToken)
        {
            if (catalog.Find(id) is not { } module || module.FindSection(sectionId) is not KnowledgeCheck check) return (new NotFound(), null);
            var status = await records.StatusAsync(principal.UserId(), module, cancellationToken);
            if (status.Working is not { } progress) return (ModuleSections.StartFirst(module), null);
            var done = await records.SectionsAsync(progress, cancellationToken);
            return (null, new Context(module, check, progress, done.AttemptsAt(check)));
        }

        public static Model ModelOf(Context context, IReadOnlyDictionary<string, IReadOnlyList<int>>? chosen = null,
            IReadOnlyDictionary<string, string>? errors = null, string? problem = null) =>
            new(context.Module, context.Check, context.Attempts.Count + 1, context.Attempts,
                CheckAttempt.OrderFor(context.Progress.Id, context.Check, context.Attempts.Count + 1),
                chosen ?? new Dictionary<string, IReadOnlyList<int>>(), errors ?? new Dictionary<string, string>(), problem);
    }
}
