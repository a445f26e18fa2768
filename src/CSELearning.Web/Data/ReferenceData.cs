using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Data;

// Rows every installation needs, created after each migration when missing.
public static class ReferenceData
{
    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing!))
            db.Roles.Add(new Role(role!));
        await db.SaveChangesAsync(cancellationToken);
    }
}
