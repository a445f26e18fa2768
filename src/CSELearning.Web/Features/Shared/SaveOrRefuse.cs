using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Shared;

// Why a save changed nothing: the domain refused the change, or another request changed the same rows first.
// Message: The domain's reason, in words for the person; null when the database found the conflict, which each page words for itself.
// Conflict: Someone else changed it first (a stale version, a newer save), rather than a change the rules refuse.
public sealed record SaveRefusal(string? Message, bool Conflict)
{
    // 409 when someone else changed it first; 400 when the change itself was refused.
    public int StatusCode => Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
}

public static class SaveOrRefuse
{
    // Makes change and saves it: null when saved. When the domain refuses the change or another
    // request saved first, every tracked change is cleared and the refusal says why, so the handler reloads what
    // is there now and shows it with the refusal, keeping what the person typed in the form they posted.
    // duplicateKeyIsConflict:
    // A row that another request inserted with the same key also means that request saved first: the learner's
    // records are keyed so that a doubled or replayed post collides.
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
            return new SaveRefusal(exception.Message, Conflict: exception is LogConflictException or RecordConflictException);
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
