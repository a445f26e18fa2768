using System.Text.Json;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.KeptDrafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>
/// The records a person gathers beyond their logs and learning, written straight to the database for tests of
/// what their download holds and what erasure removes. Every text starts with a marker, so a test can tell whose it is.
/// </summary>
public static class TestPersonalRecords
{
    public sealed record Seeded(Guid Log, string EndingNodeId);

    /// <summary>
    /// A log shared with <paramref name="supervisor"/>, who comments on its conclusion; the person's reply to that
    /// comment ("marker-reply") and a draft of another ("marker-reply-draft"); a kept draft ("marker-kept"); a
    /// notification ("marker-notice"); the kind of email <paramref name="emailOff"/> turned off; an email sent
    /// ("marker-sent") and one waiting ("marker-waiting"); and a time through a scenario to an ending.
    /// </summary>
    public static async Task<Seeded> SeedPersonalRecordsAsync(this AppFactory factory, User person, User supervisor, string marker, NotificationKind emailOff)
    {
        var logId = await factory.LogAsync(person, TestLogs.Text($"{marker}-title", marker), supervisor: supervisor, comment: $"{marker}-comment");
        return await factory.WithDbAsync(async db =>
        {
            var protector = factory.Services.GetRequiredService<ITextProtector>();
            var now = DateTime.UtcNow.AddHours(-1);
            var log = await db.ReflectiveLogs.SingleAsync(l => l.Id == logId);
            db.CommentReplies.Add(new CommentReply(log, person.Id, GibbsStage.Conclusion, $"{marker}-reply", stageHasComments: true, protector, now));
            var draft = new FormDraft(person.Id, logId, FormDraft.Replies, now);
            draft.Write(new Dictionary<string, string?> { ["reply-conclusion"] = $"{marker}-reply-draft" }, 0, protector, now);
            db.FormDrafts.Add(draft);
            db.KeptDrafts.Add(new KeptDraft(person.Id, $"/reflections/{logId}", $"/reflections/{logId}",
                protector.Protect(JsonSerializer.Serialize(new[] { new KeepTypedText.Field("Description", $"{marker}-kept") })), now, now.AddDays(7)));
            db.Notifications.Add(new Notification(person.Id, NotificationKind.RevisionRequested, $"{logId:D}/1", DateOnly.FromDateTime(now),
                $"{marker}-notice", $"/reflections/{logId:D}", now));
            db.NotificationOptOuts.Add(new NotificationOptOut(person.Id, emailOff));
            var sent = new OutboxMessage($"test:{marker}:sent", OutboxKind.Digest, person.Id, person.Email!, $"{marker}-sent", protector.Protect($"{marker}-body"), now, now);
            sent.Sent(now);
            db.OutboxMessages.Add(sent);
            db.OutboxMessages.Add(new OutboxMessage($"test:{marker}:waiting", OutboxKind.Digest, person.Id, person.Email!, $"{marker}-waiting",
                protector.Protect($"{marker}-body"), now, now.AddDays(1)));

            var module = factory.Services.GetRequiredService<ContentCatalog>().Modules.First(m => m.SectionsOf<Scenario>().Any());
            var scenario = module.SectionsOf<Scenario>().First();
            var progress = new ModuleProgress(person.Id, module, await db.ModuleProgress.CountAsync(p => p.UserId == person.Id) + 1, now);
            var position = new ScenarioPosition(progress, scenario);
            var ending = scenario.Nodes.First(n => n.IsEnding && n.Outcome is not null);
            db.ModuleProgress.Add(progress);
            db.ScenarioPositions.Add(position);
            db.ScenarioRuns.Add(new ScenarioRun(progress, position, scenario, module.Version.ToString(), ending, [], now));
            await db.SaveChangesAsync();
            return new Seeded(logId, ending.Id);
        });
    }

    /// <summary>A supervisor's unsent comment on the analysis of someone else's log.</summary>
    public static Task ReviewDraftAsync(this AppFactory factory, User supervisor, Guid logId, string text) => factory.WithDbAsync(async db =>
    {
        var protector = factory.Services.GetRequiredService<ITextProtector>();
        var now = DateTime.UtcNow.AddMinutes(-30);
        var draft = new FormDraft(supervisor.Id, logId, FormDraft.Review, now);
        draft.Write(new Dictionary<string, string?> { ["comment-analysis"] = text }, 0, protector, now);
        db.FormDrafts.Add(draft);
        await db.SaveChangesAsync();
    });
}
