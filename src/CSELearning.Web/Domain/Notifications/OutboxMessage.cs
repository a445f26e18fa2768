namespace CSELearning.Web.Domain.Notifications;

public enum OutboxKind
{
    // Password reset and account set-up: sent at once, never digested, never turned off.
    Security = 1,
    Digest = 2,
}

// An email waiting to be sent, written in the same transaction as what caused it, so a restart loses none.
// Key is unique (a digest is "digest:<person>:<day>"), so the same email is never queued twice. The body is
// stored encrypted (a reset link is a credential) and cleared once sent.
public class OutboxMessage
{
    public const int KeyMaxLength = 200;
    public const int SubjectMaxLength = 200;
    public const int ErrorMaxLength = 300;
    public const int MaxAttempts = 10;

    private OutboxMessage() { }

    public OutboxMessage(string key, OutboxKind kind, Guid? userId, string to, string subject, string protectedBody, DateTime now, DateTime firstAttemptAt)
    {
        Id = Guid.CreateVersion7();
        Key = key;
        Kind = kind;
        UserId = userId;
        To = to;
        Subject = subject;
        ProtectedBody = protectedBody;
        CreatedAt = now;
        NextAttemptAt = firstAttemptAt;
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public OutboxKind Kind { get; private set; }
    public Guid? UserId { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string ProtectedBody { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    // What went wrong last time, as the kind of failure only: never the message or its addressee.
    public string? LastError { get; private set; }
    public DateTime? SentAt { get; private set; }
    public DateTime? GaveUpAt { get; private set; }

    public void Sent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        ProtectedBody = "";
        LastError = null;
    }

    // Exponential backoff: 1, 2, 4 ... minutes, at most six hours apart; after MaxAttempts it stops trying.
    public void Failed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= MaxAttempts)
        {
            GaveUpAt = now;
            ProtectedBody = "";
            return;
        }
        NextAttemptAt = now + Backoff(Attempts);
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), 360));
}

// Who is running a timed job, and until when. Taken and renewed with a conditional UPDATE, so across several
// servers sharing the database only one runs the job at a time.
public class JobLease
{
    public const int NameMaxLength = 50;
    public const int HolderMaxLength = 100;

    private JobLease() { }

    public JobLease(string name, DateTime expiresAt)
    {
        Name = name;
        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; } = "";
    public string? Holder { get; private set; }
    public DateTime ExpiresAt { get; private set; }
}
