using System.Security.Claims;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Documents;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

// Queried by author, so a supervisor's export never holds their supervisees' logs.
public static class Export
{
    public sealed class Handler(AppDbContext db, Domain.Reflections.ITextProtector protector, ReflectionAccess access, ContentCatalog catalog)
    {
        public async Task<byte[]> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var userId = principal.UserId();
            var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            return new ReflectiveLogsDocument(name, await LogsAsync(userId, cancellationToken), access.Now).Render();
        }

        internal async Task<IReadOnlyList<ReflectiveLogsDocument.Log>> LogsAsync(Guid authorId, CancellationToken cancellationToken)
        {
            var logs = await db.ReflectiveLogs.AsNoTracking().Where(l => l.AuthorId == authorId).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync(cancellationToken);
            var logIds = logs.Select(l => l.Id).ToList();
            var comments = await db.ReviewComments.AsNoTracking().Where(c => logIds.Contains(c.LogId)).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
            var replies = await db.CommentReplies.AsNoTracking().Where(r => logIds.Contains(r.LogId) && r.AuthorId == authorId)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
            var reviewerIds = comments.Select(c => c.SupervisorId)
                .Concat(logs.SelectMany(l => new[] { l.SignedOffById, l.RevisionRequestedById, l.ReopenedById }).OfType<Guid>())
                .Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            string Name(Guid? id) => id is { } known ? names.GetValueOrDefault(known, "a former supervisor") : "a supervisor";

            return logs.Select(log =>
            {
                var text = log.Read(protector);
                var module = log.ModuleId is { } moduleId ? $"{catalog.Find(moduleId)?.Title ?? moduleId}, version {log.ModuleVersion}" : null;
                return new ReflectiveLogsDocument.Log(text.Title, log.ModuleId, log.ModuleVersion, module, log.Status,
                    log.CreatedAt, log.UpdatedAt, log.SharedAt, text,
                    comments.Where(c => c.LogId == log.Id).Select(c => new ReflectiveLogsDocument.Comment(c.Stage, Name(c.SupervisorId), c.CreatedAt, c.Read(protector))).ToList(),
                    replies.Where(r => r.LogId == log.Id).Select(r => new ReflectiveLogsDocument.Reply(r.Stage, r.CreatedAt, r.Read(protector))).ToList(),
                    log.SignedOffAt is { } signed ? new ReflectiveLogsDocument.Review(Name(log.SignedOffById), signed, null) : null,
                    log.RevisionRequestedAt is { } asked ? new ReflectiveLogsDocument.Review(Name(log.RevisionRequestedById), asked, log.RevisionNote(protector)) : null,
                    log.ReopenedAt is { } reopened ? new ReflectiveLogsDocument.Review(Name(log.ReopenedById), reopened, log.ReopenReason(protector)) : null);
            }).ToList();
        }
    }
}
