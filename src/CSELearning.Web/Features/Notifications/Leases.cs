using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

/// <summary>
/// Who holds a lease: one pass of a job (a scope), named after its process. Not one per process: two passes in
/// the same process at once must exclude each other just as two servers do.
/// </summary>
public sealed class LeaseHolder
{
    public string Id { get; } = Truncate($"{Guid.NewGuid():N}/{Environment.ProcessId}/{Environment.MachineName}");

    private static string Truncate(string id) => id.Length > JobLease.HolderMaxLength ? id[..JobLease.HolderMaxLength] : id;
}

// Leases live in the database, so every server sharing it sees the same one. Each step is one conditional
// UPDATE: the database decides who wins when two servers try at the same moment, and the loser changes nothing.
[FeatureService]
public sealed class Leases(AppDbContext db, LeaseHolder holder, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Takes the lease if it is free or already ours, until now + duration.</summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        await EnsureExistsAsync(name, cancellationToken);
        var now = Now;
        var until = now + duration;
        var me = holder.Id;
        return await db.JobLeases
            .Where(l => l.Name == name && (l.ExpiresAt <= now || l.Holder == me))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>Extends a lease we hold; false if it lapsed and another server took it, which must then stop.</summary>
    public async Task<bool> RenewAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = Now + duration;
        var me = holder.Id;
        return await db.JobLeases
            .Where(l => l.Name == name && l.Holder == me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var now = Now;
        var me = holder.Id;
        await db.JobLeases
            .Where(l => l.Name == name && l.Holder == me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }

    /// <summary>
    /// Claims a run of something done every interval (the reminder scan): true for exactly one server once the
    /// interval since the last run has passed, whoever ran it.
    /// </summary>
    public async Task<bool> TryClaimRunAsync(string name, TimeSpan interval, CancellationToken cancellationToken)
    {
        await EnsureExistsAsync(name, cancellationToken);
        var now = Now;
        var next = now + interval;
        var me = holder.Id;
        return await db.JobLeases
            .Where(l => l.Name == name && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, next), cancellationToken) == 1;
    }

    private async Task EnsureExistsAsync(string name, CancellationToken cancellationToken)
    {
        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken)) return;
        var lease = new JobLease(name, DateTime.UnixEpoch);
        db.JobLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server made the row first: the same row is all either needs.
        }
        finally
        {
            db.Entry(lease).State = EntityState.Detached;
        }
    }
}
