using System.Collections;
using System.Globalization;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Reporting;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>Everyone the access matrix asks, in the order of its columns.</summary>
public enum Principal
{
    /// <summary>The learner who wrote the log, is the supervisee of the record and holds the certificate.</summary>
    Author,
    /// <summary>The author's current supervisor.</summary>
    Supervisor,
    /// <summary>A supervisor whose supervision of the author has ended.</summary>
    Former,
    /// <summary>Another learner in the author's partnership.</summary>
    Unrelated,
    /// <summary>A commissioner of the author's partnership.</summary>
    Commissioner,
    /// <summary>A commissioner of another partnership.</summary>
    OtherCommissioner,
    Administrator,
    /// <summary>A content reviewer: no agency, no one they supervise, nobody's records.</summary>
    ContentReviewer,
    Anonymous,
}

/// <summary>
/// One seeded world for the access tests: partnership P1 with one agency and team, whose learner (the author) has
/// a reflective log shared for review with a comment, a supervision record the supervisor has signed, a completed
/// module with its certificate, a knowledge-check attempt on a module in progress, a current and a former
/// supervisor; another learner and a commissioner in P1; partnership P2 with its commissioner; an administrator;
/// and an uptake target in P1. <see cref="Values"/> fills the placeholders in the matrix's addresses.
/// </summary>
public sealed class AccessWorld
{
    public const string ModuleId = "grooming-and-exploitation";
    public const string Phrase = "the lantern by the towpath";

    public required IReadOnlyDictionary<Principal, User?> People { get; init; }
    public required IReadOnlyDictionary<string, string> Values { get; init; }
    public required TestData.Organisation P1 { get; init; }
    public required TestData.Organisation P2 { get; init; }
    public required Guid LogId { get; init; }
    public required Guid RecordId { get; init; }

    public User Person(Principal principal) => People[principal]!;

    /// <summary>The address with each {placeholder} replaced by the seeded world's value.</summary>
    public string Fill(string template)
    {
        var text = template;
        foreach (var (name, value) in Values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        Assert.False(text.Contains('{', StringComparison.Ordinal), $"{template}: a placeholder the world does not fill");
        return text;
    }

    public static async Task<AccessWorld> CreateAsync(AppFactory factory)
    {
        var p1 = await factory.CreateOrganisationAsync("Riverside Safeguarding Partnership");
        var p2 = await factory.CreateOrganisationAsync("Hillside Safeguarding Partnership");
        var author = await factory.CreateUserAsync("lee.author@riverside.example", p1, Roles.Learner);
        var supervisor = await factory.CreateUserAsync("sam.supervisor@riverside.example", p1, Roles.Supervisor);
        var former = await factory.CreateUserAsync("fay.former@riverside.example", p1, Roles.Supervisor);
        var unrelated = await factory.CreateUserAsync("una.unrelated@riverside.example", p1, Roles.Learner);
        var commissioner = await factory.CreateUserAsync("cal.commissioner@riverside.example", p1, Roles.Commissioner);
        var otherCommissioner = await factory.CreateUserAsync("cora.commissioner@hillside.example", p2, Roles.Commissioner);
        var administrator = await factory.CreateUserAsync("ada.admin@riverside.example", null, Roles.Administrator);
        var reviewer = await factory.CreateUserAsync("rae.reviewer@riverside.example", null, Roles.ContentReviewer);
        // Someone for the administrator's deactivate and reactivate posts to act on, so the people asking stay as they are.
        var spare = await factory.CreateUserAsync("pat.spare@riverside.example", p1, Roles.Learner);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await factory.SuperviseAsync(supervisor, author, today.AddMonths(-3));
        await factory.SuperviseAsync(former, author, today.AddMonths(-9), today.AddDays(-1));
        var logId = await factory.LogAsync(author, TestLogs.Text(Phrase, "Lee wrote"), supervisor: supervisor, comment: "Sam's comment");
        var certificate = (await factory.IssueCertificatesAsync(author, DateTime.UtcNow.AddDays(-3))).Single();

        var catalog = factory.Services.GetRequiredService<ContentCatalog>();
        var module = catalog.Find(ModuleId)!;
        var check = module.Sections.OfType<KnowledgeCheck>().First();
        var (recordId, formerRelationship, targetId) = await factory.WithDbAsync(async db =>
        {
            var protector = factory.Services.GetRequiredService<ITextProtector>();
            var now = DateTime.UtcNow.AddHours(-1);
            var record = SupervisionRecord.Start(supervisor.Id, author.Id, [],
                new SessionDetails(today.AddDays(-2), null, SessionNotes.Empty with { Discussion = "Sam's notes", Wellbeing = "Coping well." }, [], []), protector, now);
            db.SupervisionRecords.Add(record);
            await db.SaveChangesAsync();
            record.SignAsSupervisor(supervisor.Id, record.Version, protector, now.AddMinutes(5));

            var number = await db.ModuleProgress.Where(p => p.UserId == author.Id).MaxAsync(p => p.Number) + 1;
            var progress = new ModuleProgress(author.Id, module, number, now);
            db.ModuleProgress.Add(progress);
            // The unrelated learner has started the module too, but made no attempt at its check.
            db.ModuleProgress.Add(new ModuleProgress(unrelated.Id, module, 1, now));
            db.CheckAttempts.Add(CheckAttempt.Submit(progress, module, check, 1, check.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<int>)[1]), now.AddMinutes(10)));

            // Text the author sent after their session had ended, kept for them.
            db.KeptDrafts.Add(new KeptDraft(author.Id, $"/reflections/{logId}", $"/reflections/{logId}", protector.Protect("[{\"Name\":\"Description\",\"Value\":\"Kept\"}]"), now, now.AddDays(7)));
            var target = new UptakeTarget(p1.Partnership.Id, p1.Agency.Id, ModuleId, 80, today.AddMonths(3), commissioner.Id, now);
            db.UptakeTargets.Add(target);
            await db.SaveChangesAsync();
            var ended = await db.SupervisionRelationships.Where(r => r.SupervisorId == former.Id).Select(r => r.Id).SingleAsync();
            return (record.Id, ended, target.Id);
        });

        var notificationId = await factory.WithDbAsync(async db =>
        {
            var notification = new Notification(author.Id, NotificationKind.SignatureWaiting, recordId.ToString("D"), today,
                "A supervision record is waiting for your acknowledgement.", $"/supervision/records/{recordId:D}", DateTime.UtcNow);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        });

        return new AccessWorld
        {
            P1 = p1,
            P2 = p2,
            LogId = logId,
            RecordId = recordId,
            People = new Dictionary<Principal, User?>
            {
                [Principal.Author] = author,
                [Principal.Supervisor] = supervisor,
                [Principal.Former] = former,
                [Principal.Unrelated] = unrelated,
                [Principal.Commissioner] = commissioner,
                [Principal.OtherCommissioner] = otherCommissioner,
                [Principal.Administrator] = administrator,
                [Principal.ContentReviewer] = reviewer,
                [Principal.Anonymous] = null,
            },
            Values = new Dictionary<string, string>
            {
                ["log"] = logId.ToString(),
                ["keptDraft"] = (await factory.WithDbAsync(db => db.KeptDrafts.Where(d => d.UserId == author.Id).Select(d => d.Id).SingleAsync())).ToString(),
                ["record"] = recordId.ToString(),
                ["notification"] = notificationId.ToString(),
                ["number"] = certificate.Number,
                ["code"] = certificate.VerificationCode,
                ["certificate"] = certificate.Id.ToString(),
                ["author"] = author.Id.ToString(),
                ["spare"] = spare.Id.ToString(),
                ["spareName"] = Uri.EscapeDataString(spare.DisplayName),
                ["supervisor"] = supervisor.Id.ToString(),
                ["partnership"] = p1.Partnership.Id.ToString(),
                ["agency"] = p1.Agency.Id.ToString(),
                ["team"] = p1.Team.Id.ToString(),
                ["relationship"] = formerRelationship.ToString(),
                ["target"] = targetId.ToString(),
                ["module"] = ModuleId,
                ["check"] = check.Id,
                ["today"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["yearAgo"] = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>
    /// Every row of every table the model maps (the data protection key ring aside), each property as stored,
    /// in a stable order: two snapshots are equal only if nothing was added, changed or removed.
    /// </summary>
    /// <param name="ignoreReads">Leave out the audit trail's reads, for tests that open a page before posting to it.</param>
    public static Task<string> SnapshotAsync(AppFactory factory, bool ignoreReads = false) => factory.WithDbAsync(async db =>
    {
        var text = new List<string>();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is { } table && table != "DataProtectionKeys" && t.FindPrimaryKey() is not null)
                     .OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (type.HasSharedClrType || type.BaseType is not null) continue;
            var query = (IQueryable<object>)set.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var rows = await query.AsNoTracking().ToListAsync();
            text.AddRange(rows.Select(row => type.Name + ": " + string.Join(", ", type.GetProperties().Select(p => $"{p.Name}={Show(p, row)}"))).Order(StringComparer.Ordinal));
        }
        string[] reads = [$"Action={AuditAction.LogRead},", $"Action={AuditAction.SupervisionRecordRead},"];
        return string.Join("\n", text.Where(line => !ignoreReads || !reads.Any(read => line.Contains(read, StringComparison.Ordinal))));
    });

    private static string Show(IProperty property, object row)
    {
        var value = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
        return value switch
        {
            null => "null",
            byte[] bytes => Convert.ToBase64String(bytes),
            string s => s,
            IEnumerable items => string.Join("|", items.Cast<object>()),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
