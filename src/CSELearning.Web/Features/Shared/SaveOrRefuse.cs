using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Shared;

// Message is null when the database found the conflict, which each page words for itself.
public sealed record SaveRefusal(string? Message, bool Conflict)
{
    public int StatusCode => Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
}

public static class SaveOrRefuse
{
    // On a refusal every tracked change is cleared, so the handler can reload what is there now. A duplicate key
    // can mean another request saved first: the learner's records are keyed so that a doubled or replayed post collides.
    public static async Task<SaveRefusal?> SaveOrRefuseAsync(this AppDbContext db, Action change, CancellationToken cancellationToken,
        bool duplicateKeyIsConflict = false)
    {
        try
        {
            change();
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SaveRefusal(null, Conflict: true);
        }
        catch (DbUpdateException exception) when (duplicateKeyIsConflict && IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return new SaveRefusal(null, Conflict: true);
        }
        catch (DomainException exception)
        {
            db.ChangeTracker.Clear();
            return new SaveRefusal(exception.Message, Conflict: exception is LogConflictException or RecordConflictException or DraftConflictException);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE: not a foreign key or NOT NULL failure, which are bugs.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
