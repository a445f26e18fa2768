using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Email;
using CSELearning.Web.Infrastructure.Web;

namespace CSELearning.Web.Features.Notifications;

// Password reset and account set-up: sent at once, whatever the person's email preferences, and never digested.
// The message is written to the outbox first, so if the mail server is down the outbox sends it later; it is
// due there only after a grace period, so the outbox does not send it a second time while this send is under way.
[FeatureService]
public sealed partial class SecurityMail(AppDbContext db, IEmailSender email, ITextProtector protector, TimeProvider time, ILogger<SecurityMail> logger)
{
    public static readonly TimeSpan SendAtOnceGrace = TimeSpan.FromMinutes(5);

    public async Task SendAsync(User user, string subject, string body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage($"security:{Guid.CreateVersion7():N}", OutboxKind.Security, user.Id, user.Email!, subject,
            protector.Protect(body), now, now + SendAtOnceGrace);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            await email.SendAsync(new EmailMessage(message.To, subject, body), cancellationToken);
            message.Sent(time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.Failed(OutboxFailure.Describe(e), time.GetUtcNow().UtcDateTime);
            NotSentYet(logger, message.Id, message.LastError!);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account email {MessageId} was not sent at once ({Error}); the outbox will try again")]
    private static partial void NotSentYet(ILogger logger, Guid messageId, string error);
}
