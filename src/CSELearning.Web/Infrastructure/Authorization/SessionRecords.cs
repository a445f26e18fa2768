using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>
/// The server's record of each signed-in session (<see cref="UserSession"/>), whose id is the cookie's
/// <see cref="AppSignInManager.SessionIdClaim"/>. Every request with a cookie reads its row by key; nothing is
/// cached, so a session ended here is refused on the very next request, on every node.
/// </summary>
public sealed class SessionRecords(AppDbContext db, TimeProvider time)
{
    // How stale "last seen" may be before a request writes it again.
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public async Task<Guid> StartAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var session = new UserSession(userId, Now);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>Whether the principal's session is one this server started and has not ended.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (SessionId(principal) is not { } id
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return false;
        var lastSeen = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .Select(s => (DateTime?)s.LastSeenAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (lastSeen is null) return false;
        var now = Now;
        if (now - lastSeen.Value >= LastSeenResolution)
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        return true;
    }

    public Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        SessionId(principal) is { } id
            ? End(db.UserSessions.Where(s => s.Id == id), cancellationToken)
            : Task.FromResult(0);

    /// <summary>Ends every open session of the person; returns how many there were.</summary>
    public Task<int> EndAllAsync(Guid userId, CancellationToken cancellationToken = default) =>
        End(db.UserSessions.Where(s => s.UserId == userId), cancellationToken);

    /// <summary>Ends every open session of the person but the principal's own.</summary>
    public Task<int> EndOthersAsync(Guid userId, ClaimsPrincipal keep, CancellationToken cancellationToken = default)
    {
        var kept = SessionId(keep) ?? Guid.Empty;
        return End(db.UserSessions.Where(s => s.UserId == userId && s.Id != kept), cancellationToken);
    }

    /// <summary>
    /// Deletes the rows no cookie can use any more: ended sessions, and those signed in longer ago than the
    /// absolute timeout. A cookie whose row is gone is refused, so deleting is never less safe than keeping.
    /// </summary>
    public Task<int> DeleteFinishedAsync(TimeSpan absoluteTimeout, CancellationToken cancellationToken = default)
    {
        var startedBefore = Now - absoluteTimeout;
        return db.UserSessions.Where(s => s.EndedAt != null || s.CreatedAt < startedBefore).ExecuteDeleteAsync(cancellationToken);
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(AppSignInManager.SessionIdClaim), out var id) ? id : null;

    private Task<int> End(IQueryable<UserSession> sessions, CancellationToken cancellationToken)
    {
        var now = Now;
        return sessions.Where(s => s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, (DateTime?)now), cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
