using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Certificates;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Account;

// Right of access (UK GDPR article 15) and portability (article 20). It takes no user id, so nobody can
// download anyone else's. A supervisor gets the facts of their supervision but not the text of their supervisees'
// logs or of the notes about them: that is about someone else, and is in that person's own download. The same holds
// for their unsent drafts of comments on a supervisee's log, whose facts are given but not their text.
public static class MyData
{
    public const string FileName = "my-data.zip";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record Summary(string Name, int Certificates, int Logs, int SupervisionRecords, int Completions);

    public sealed class Handler(AppDbContext db, ContentCatalog catalog, CertificateFiles certificates,
        Reflections.Export.Handler logsPdf, MyLearning.Record.Handler learningRecord, Supervision.Download.Handler recordPdf,
        Supervision.Open.Handler openRecord, ITextProtector protector, TimeProvider clock)
    {
        public async Task<Summary> SummaryAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            return new Summary(name,
                await db.Certificates.CountAsync(c => c.UserId == userId, cancellationToken),
                await db.ReflectiveLogs.CountAsync(l => l.AuthorId == userId, cancellationToken),
                await db.SupervisionRecords.CountAsync(r => r.SuperviseeId == userId, cancellationToken),
                await db.ModuleCompletions.CountAsync(c => c.UserId == userId, cancellationToken));
        }

        // Each entry is sent before the next is made, so the whole ZIP is never held in memory.
        public async Task WriteAsync(ClaimsPrincipal principal, Stream body, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var data = await DataAsync(userId, cancellationToken);

            await using var buffer = new EntryBuffer(body);
            await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
            {
                async Task AddAsync(string name, byte[] bytes)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                    await using (var stream = await entry.OpenAsync(cancellationToken))
                        await stream.WriteAsync(bytes, cancellationToken);
                    await buffer.SendAsync(cancellationToken);
                }

                await AddAsync("data.json", JsonSerializer.SerializeToUtf8Bytes(data, Json));
                await AddAsync("learning-record.pdf", await learningRecord.HandleAsync(principal, includeReflections: true, cancellationToken));
                await AddAsync("reflective-logs.pdf", await logsPdf.HandleAsync(principal, cancellationToken));

                // A revoked certificate has no PDF anywhere (so none can be passed off as valid); data.json lists it.
                var owned = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId && c.RevokedAt == null)
                    .OrderBy(c => c.IssuedAt).ToListAsync(cancellationToken);
                foreach (var certificate in owned)
                    await AddAsync("certificates/" + CertificateFiles.FileName(certificate.Number), certificates.Render(certificate));

                // Records of their own supervision that the supervisor has signed: a draft may still change, so has no PDF.
                var records = await db.SupervisionRecords.AsNoTracking()
                    .Where(r => r.SuperviseeId == userId && r.SupervisorSignedAt != null)
                    .OrderBy(r => r.SessionDate).ThenBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(cancellationToken);
                var number = 0;
                foreach (var id in records)
                {
                    if (await recordPdf.HandleAsync(principal, id, cancellationToken) is not { } pdf) continue;
                    await AddAsync($"supervision-records/{++number:D3}-{pdf.FileName}", pdf.Bytes);
                }
            }
            await buffer.SendAsync(cancellationToken);
        }

        internal async Task<object> DataAsync(Guid userId, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.Id, Name = u.DisplayName, u.Email, u.JobRole,
                    Partnership = u.Agency!.Partnership!.Name, Agency = u.Agency!.Name, Team = u.Team!.Name,
                    AccountCreatedAt = u.CreatedAt, u.IsActive, u.DeactivatedAt,
                })
                .SingleAsync(cancellationToken);
            var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync(cancellationToken);

            var supervisedBy = await db.SupervisionRelationships.AsNoTracking().Where(s => s.SuperviseeId == userId).OrderBy(s => s.StartsOn)
                .Select(s => new { Supervisor = s.Supervisor!.DisplayName, s.StartsOn, s.EndsOn }).ToListAsync(cancellationToken);
            var supervises = await db.SupervisionRelationships.AsNoTracking().Where(s => s.SupervisorId == userId).OrderBy(s => s.StartsOn)
                .Select(s => new { Supervisee = s.Supervisee!.DisplayName, s.StartsOn, s.EndsOn }).ToListAsync(cancellationToken);

            var progress = await db.ModuleProgress.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.StartedAt)
                .Select(p => new { p.Id, p.ModuleId, p.Number, p.StartedVersion, p.StartedAt, p.LastActivityAt, p.ActiveSeconds, p.LastSectionId, p.CompletedAt })
                .ToListAsync(cancellationToken);
            var choices = await db.ScenarioDecisions.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.MadeAt)
                .Select(d => new { d.ProgressId, d.ModuleId, d.ModuleVersion, d.ScenarioId, d.Playthrough, d.Step, d.NodeId, d.ChoiceNumber, d.TargetNodeId, d.MadeAt, d.WithdrawnAt })
                .ToListAsync(cancellationToken);
            var attempts = await db.CheckAttempts.AsNoTracking().Where(a => a.UserId == userId).Include(a => a.Answers).OrderBy(a => a.SubmittedAt)
                .ToListAsync(cancellationToken);
            var completions = await db.ModuleCompletions.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CompletedAt)
                .ToListAsync(cancellationToken);
            var owned = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.IssuedAt).ToListAsync(cancellationToken);
            var runs = await db.ScenarioRuns.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.EndedAt).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken);

            var logs = await logsPdf.LogsAsync(userId, cancellationToken);
            var logRows = await db.ReflectiveLogs.AsNoTracking().Where(l => l.AuthorId == userId).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Select(l => new { l.Id, l.PromptId }).ToListAsync(cancellationToken);
            var logIds = logRows.Select(l => l.Id).ToList();
            var shares = await db.LogShares.AsNoTracking().Where(s => logIds.Contains(s.LogId)).OrderBy(s => s.SharedAt)
                .Select(s => new { s.LogId, SharedWith = db.Users.Where(u => u.Id == s.SupervisorId).Select(u => u.DisplayName).FirstOrDefault(), s.SharedAt })
                .ToListAsync(cancellationToken);

            var asSupervisee = new List<object>();
            var superviseeRecords = await db.SupervisionRecords.AsNoTracking().Where(r => r.SuperviseeId == userId)
                .Include(r => r.Actions).Include(r => r.DiscussedLogs).AsSplitQuery()
                .OrderBy(r => r.SessionDate).ThenBy(r => r.CreatedAt).ToListAsync(cancellationToken);
            foreach (var record in superviseeRecords)
            {
                var view = await openRecord.ModelAsync(record, Supervision.Party.Supervisee, new Supervision.Open.Refusal(), cancellationToken);
                asSupervisee.Add(new
                {
                    record.Id, Supervisor = view.SupervisorName, record.SessionDate, record.NextSessionDate, Status = record.Status,
                    view.Notes.Attendees, view.Notes.Agenda, view.Notes.Discussion, view.Notes.Wellbeing, view.Notes.Decisions,
                    DiscussedLogs = view.DiscussedLogs.Select(l => new { l.Id, l.Title }),
                    Actions = view.Actions.Select(a => new { a.Description, a.Owner, a.DueOn, a.Status, a.CarriedFromSession }),
                    Comments = view.Comments.Select(c => new { Author = c.AuthorName, c.At, c.Text }),
                    record.CreatedAt, record.SupervisorSignedAt, record.SuperviseeSignedAt,
                });
            }
            var asSupervisor = await db.SupervisionRecords.AsNoTracking().Where(r => r.SupervisorId == userId)
                .OrderBy(r => r.SessionDate).ThenBy(r => r.CreatedAt)
                .Select(r => new
                {
                    r.Id, Supervisee = db.Users.Where(u => u.Id == r.SuperviseeId).Select(u => u.DisplayName).FirstOrDefault(),
                    r.SessionDate, r.CreatedAt, r.SupervisorSignedAt, r.SuperviseeSignedAt,
                })
                .ToListAsync(cancellationToken);

            // Review steps taken on other people's logs: when and what kind, not what was written about their logs.
            var commentsGiven = await db.ReviewComments.AsNoTracking().Where(c => c.SupervisorId == userId && !logIds.Contains(c.LogId))
                .OrderBy(c => c.CreatedAt).Select(c => new { c.LogId, c.Stage, c.CreatedAt }).ToListAsync(cancellationToken);

            var formDrafts = await db.FormDrafts.AsNoTracking().Where(d => d.OwnerId == userId).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .ToListAsync(cancellationToken);
            var keptDrafts = await db.KeptDrafts.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                .ToListAsync(cancellationToken);
            var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .ToListAsync(cancellationToken);
            var emailsOff = await db.NotificationOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(cancellationToken);
            // What was sent to them and when; never a body, which for account emails holds a reset link.
            var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Select(m => new { m.Kind, m.To, m.Subject, m.CreatedAt, m.SentAt, m.GaveUpAt })
                .ToListAsync(cancellationToken);

            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == userId || a.OwnerId == userId).OrderBy(a => a.At)
                .Select(a => new { a.At, a.Action, a.ActorId, a.SubjectId, a.OwnerId })
                .ToListAsync(cancellationToken);
            var actorIds = audit.Select(a => a.ActorId).Distinct().ToList();
            var actorNames = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

            return new
            {
                GeneratedAt = clock.GetUtcNow().UtcDateTime,
                Profile = new
                {
                    profile.Id, profile.Name, profile.Email, JobRole = profile.JobRole.DisplayName(), profile.Partnership, profile.Agency, profile.Team,
                    Roles = roles, profile.AccountCreatedAt, profile.IsActive, profile.DeactivatedAt,
                },
                Supervision = new { SupervisedBy = supervisedBy, Supervises = supervises },
                Learning = new
                {
                    ModuleProgress = progress.Select(p => new
                    {
                        p.ModuleId, ModuleTitle = catalog.Find(p.ModuleId)?.Title, p.Number, p.StartedVersion, p.StartedAt, p.LastActivityAt,
                        p.ActiveSeconds, p.LastSectionId, p.CompletedAt,
                        ScenarioChoices = choices.Where(c => c.ProgressId == p.Id)
                            .Select(c => new { c.ScenarioId, c.ModuleVersion, c.Playthrough, c.Step, c.NodeId, c.ChoiceNumber, c.TargetNodeId, c.MadeAt, c.WithdrawnAt }),
                        ScenarioRuns = runs.Where(r => r.ProgressId == p.Id).Select(r => new
                        {
                            r.ScenarioId, r.ModuleVersion, r.Playthrough, Ending = r.EndingNodeId, r.Outcome, r.ScoredDecisions, r.RecommendedDecisions,
                            r.FirstPassPercent, r.EndedAt,
                        }),
                        KnowledgeCheckAttempts = attempts.Where(a => a.ProgressId == p.Id).Select(a => new
                        {
                            a.CheckId, a.ModuleVersion, a.Number, a.CorrectCount, a.QuestionCount, a.ScorePercent, a.Passed, a.SubmittedAt,
                            Answers = a.Answers.OrderBy(x => x.QuestionId, StringComparer.Ordinal).ThenBy(x => x.OptionNumber)
                                .Select(x => new { x.QuestionId, x.OptionNumber }),
                        }),
                    }),
                    Completions = completions.Select(c => new
                    {
                        c.ModuleId, ModuleTitle = catalog.Find(c.ModuleId)?.Title, c.ModuleVersion, c.CompletedAt, c.ScorePercent, c.TimeSpentSeconds,
                        CpdHours = c.CpdHours(catalog.Find(c.ModuleId)),
                    }),
                },
                Certificates = owned.Select(c => new
                {
                    c.Number, c.LearnerName, c.ModuleTitle, c.ModuleVersion, c.CompletedOn, c.ScorePercent, c.CpdHours, c.PartnershipName, c.IssuedAt,
                    c.ValidUntil, Status = c.StatusOn(today), c.RevokedAt, c.RevocationReason,
                }),
                ReflectiveLogs = logs.Select((log, i) => new
                {
                    logRows[i].Id, log.Title, log.ModuleId, log.ModuleVersion, log.Module, PromptId = logRows[i].PromptId, log.Status,
                    log.CreatedAt, log.UpdatedAt, log.SharedAt,
                    Stages = GibbsStages.All.ToDictionary(s => s.Key(), s => log.Text.Stage(s)),
                    SharedWith = shares.Where(s => s.LogId == logRows[i].Id).Select(s => new { Supervisor = s.SharedWith, s.SharedAt }),
                    Comments = log.Comments.Select(c => new { Stage = c.Stage.Key(), Supervisor = c.SupervisorName, c.At, c.Text }),
                    Replies = log.Replies.Select(r => new { Stage = r.Stage.Key(), r.At, r.Text }),
                    SignedOff = log.SignedOff, RevisionRequested = log.RevisionRequested, Reopened = log.Reopened,
                }),
                SupervisionRecords = new { AsSupervisee = asSupervisee, AsSupervisor = asSupervisor },
                ReviewCommentsOnSuperviseesLogs = commentsGiven.Select(c => new { c.LogId, Stage = c.Stage.ToString(), c.CreatedAt }),
                Drafts = new
                {
                    Forms = formDrafts.Select(d => logIds.Contains(d.LogId)
                        ? (object)new { d.LogId, d.Form, d.UpdatedAt, Fields = d.Read(protector) }
                        : new { d.LogId, d.Form, d.UpdatedAt, FieldsWritten = d.Read(protector).Keys }),
                    KeptAfterSessionEnded = keptDrafts.Select(d => IsAboutSomeoneElse(d.Path, logIds, superviseeRecords.Select(r => r.Id))
                        ? (object)new { d.Path, d.FormPage, KeptAt = d.CreatedAt, d.ExpiresAt, FieldsWritten = KeptDrafts.KeepTypedText.Read(d, protector).Select(f => f.Name) }
                        : new
                        {
                            d.Path, d.FormPage, KeptAt = d.CreatedAt, d.ExpiresAt,
                            Fields = KeptDrafts.KeepTypedText.Read(d, protector).Select(f => new { f.Name, f.Value }),
                        }),
                },
                Notifications = new
                {
                    Received = notifications.Select(n => new
                    {
                        n.Kind, n.Text, n.Link, DueOn = n.DueOn == DateOnly.MinValue ? (DateOnly?)null : n.DueOn, n.CreatedAt, n.ReadAt, n.Email,
                    }),
                    EmailPreferences = Notifications.Preferences.Kinds.Select(k => new { k.Kind, k.Label, Emailed = !emailsOff.Contains(k.Kind) }),
                    Emails = emails,
                },
                Audit = audit.Select(a => new
                {
                    a.At, Action = a.Action.ToString(), By = a.ActorId == userId ? "you" : actorNames.GetValueOrDefault(a.ActorId, "a former user"),
                    a.SubjectId, AboutYou = a.OwnerId == userId,
                }),
            };
        }
    }

    // Text kept from a form about a reflective log or supervision record that is not the person's own (a
    // supervisor's comment on a supervisee's log, their notes of a session) is about the supervisee: as with
    // comments and review drafts, the download gives its facts and which fields held text, not the text.
    private static bool IsAboutSomeoneElse(string path, IReadOnlyCollection<Guid> ownLogs, IEnumerable<Guid> ownRecords)
    {
        var parts = path.Split('?')[0].Trim('/').Split('/');
        if (parts is ["reflections", var log, ..] && Guid.TryParse(log, out var logId)) return !ownLogs.Contains(logId);
        if (parts is ["supervision", "records", var record, ..] && Guid.TryParse(record, out var recordId)) return !ownRecords.Contains(recordId);
        return false;
    }
}
