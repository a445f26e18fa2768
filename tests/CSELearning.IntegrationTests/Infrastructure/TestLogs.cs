using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Reflections;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>Reflective logs and completions written straight to the database, for tests of what is exported.</summary>
public static class TestLogs
{
    /// <summary>A published module (content/), which the default test factories load.</summary>
    public const string ModuleId = "grooming-and-exploitation";

    public static ContentModule Module(this AppFactory factory) => factory.Services.GetRequiredService<ContentCatalog>().Find(ModuleId)!;

    /// <summary>Each Gibbs stage's text: "<paramref name="prefix"/> stage-key text".</summary>
    public static ReflectionText Text(string title, string prefix) =>
        new(title, GibbsStages.All.ToDictionary(s => s, s => $"{prefix} {s.Key()} text"));

    /// <summary>
    /// A log, shared with <paramref name="supervisor"/> when one is given, who then comments on its conclusion
    /// and signs it off, or (with <paramref name="revisionNote"/>) asks for a revision.
    /// </summary>
    public static Task<Guid> LogAsync(this AppFactory factory, User author, ReflectionText text, string? moduleId = null, string? version = null,
        User? supervisor = null, string? comment = null, bool signOff = false, string? revisionNote = null) => factory.WithDbAsync(async db =>
    {
        var protector = factory.Services.GetRequiredService<ITextProtector>();
        var now = DateTime.UtcNow.AddHours(-2);
        var log = new ReflectiveLog(author.Id, text, protector, now, moduleId, version, moduleId is null ? null : "prompt");
        db.ReflectiveLogs.Add(log);
        if (supervisor is not null)
        {
            log.Share(author.Id, log.Version, now.AddMinutes(1));
            db.LogShares.Add(new LogShare(log.Id, supervisor.Id, now.AddMinutes(1)));
            if (comment is not null) db.ReviewComments.Add(new ReviewComment(log, supervisor.Id, GibbsStage.Conclusion, comment, protector, now.AddMinutes(5)));
            if (signOff) log.SignOff(supervisor.Id, log.Version, now.AddMinutes(10));
            else if (revisionNote is not null) log.RequestRevision(supervisor.Id, revisionNote, log.Version, protector, now.AddMinutes(10));
        }
        await db.SaveChangesAsync();
        return log.Id;
    });

    /// <summary>A completion of the sample module by <paramref name="learner"/>, with the time they spent.</summary>
    public static Task<ModuleCompletion> CompleteAsync(this AppFactory factory, User learner, DateTime at, string moduleId = ModuleId, int score = 90) => factory.WithDbAsync(async db =>
    {
        var module = factory.Services.GetRequiredService<ContentCatalog>().Find(moduleId)!;
        var progress = new ModuleProgress(learner.Id, module, 1, at.AddMinutes(-40));
        var completion = progress.Complete(module, score, at);
        db.ModuleProgress.Add(progress);
        db.ModuleCompletions.Add(completion);
        await db.SaveChangesAsync();
        return completion;
    });
}
