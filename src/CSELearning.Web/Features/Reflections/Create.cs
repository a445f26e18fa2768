using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Reflections;

public static class Create
{
    public sealed class Input
    {
        public string? Module { get; set; }
        public string? Prompt { get; set; }
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, Content.ContentCatalog catalog, ReflectionAccess access)
    {
        public async Task<Guid?> HandleAsync(ClaimsPrincipal principal, Input input, CancellationToken cancellationToken)
        {
            string? moduleId = null, version = null, promptId = null;
            var title = "";
            if (!string.IsNullOrEmpty(input.Module) || !string.IsNullOrEmpty(input.Prompt))
            {
                var module = catalog.Find(input.Module ?? "");
                var prompt = module?.SectionsOf<Content.Reflection>().SelectMany(r => r.Prompts).FirstOrDefault(p => p.Id == input.Prompt);
                if (module is null || prompt is null) return null;
                (moduleId, version, promptId, title) = (module.Id, module.Version.ToString(), prompt.Id, prompt.Text);
            }
            var log = new ReflectiveLog(principal.UserId(), ReflectionText.Empty with { Title = title.Length > ReflectionText.MaxTitleLength ? title[..ReflectionText.MaxTitleLength] : title },
                protector, access.Now, moduleId, version, promptId);
            db.ReflectiveLogs.Add(log);
            await db.SaveChangesAsync(cancellationToken);
            return log.Id;
        }
    }
}
