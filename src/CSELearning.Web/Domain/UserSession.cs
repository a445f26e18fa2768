namespace CSELearning.Web.Domain;

// One signed-in session. Its id travels in the sign-in cookie, and a cookie whose session has ended, or whose row
// is gone, is refused: signing out ends the session on the server, not only in the browser that asked.
public class UserSession
{
    private UserSession() { }

    public UserSession(Guid userId, DateTime now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        CreatedAt = now;
        LastSeenAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    // Kept to the minute: written at most once a minute, so a busy session costs one read per request.
    public DateTime LastSeenAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
}
