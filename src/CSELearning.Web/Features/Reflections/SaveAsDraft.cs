using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;

namespace CSELearning.Web.Features.Reflections;

public static class SaveAsDraft
{
    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access)
    {
        public async Task<Guid?> HandleAsync(ClaimsPrincipal principal, Guid id, LogForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader) || reader != Reader.Author) return null;
            var text = form.ToText();
            if (text.Problems().Count > 0) return null;
            var copy = new ReflectiveLog(log.AuthorId, text with { Title = CopyTitle(text.Title) }, protector, access.Now, log.ModuleId, log.ModuleVersion, log.PromptId);
            db.ReflectiveLogs.Add(copy);
            await db.SaveChangesAsync(cancellationToken);
            return copy.Id;
        }

        private static string CopyTitle(string title)
        {
            var copy = string.IsNullOrWhiteSpace(title) ? "Unsaved changes" : $"{title} (unsaved changes)";
            return copy.Length > ReflectionText.MaxTitleLength ? copy[..ReflectionText.MaxTitleLength] : copy;
        }
    }
}
