using CSELearning.Web.Data;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Notifications;

// Sends what is due in the outbox, one message at a time, each marked sent (or its failure and next try
// recorded) as soon as the server answers. Runs only under the notifications lease, renewed before each message.
public static partial class SendOutbox
{
    private const int Batch = 50;

    public sealed record Result(int Sent, int Failed);

    public sealed partial class Handler(AppDbContext db, IEmailSender email, ITextProtector protector, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Result> RunAsync(Func<CancellationToken, Task<bool>> stillHoldsLease, CancellationToken cancellationToken)
        {
            int sent = 0, failed = 0;
            while (true)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var due = await db.OutboxMessages
                    .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
                if (due.Count == 0) return new Result(sent, failed);

                foreach (var message in due)
                {
                    if (!await stillHoldsLease(cancellationToken)) return new Result(sent, failed);
                    try
                    {
                        await email.SendAsync(new EmailMessage(message.To, message.Subject, protector.Unprotect(message.ProtectedBody)), cancellationToken);
                        message.Sent(time.GetUtcNow().UtcDateTime);
                        sent++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        message.Failed(OutboxFailure.Describe(e), time.GetUtcNow().UtcDateTime);
                        failed++;
                        NotSent(logger, message.Id, message.Attempts, message.LastError!);
                    }
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                // A failed message is due again only after its backoff (a minute at least), so the loop ends.
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} not sent (attempt {Attempts}): {Error}")]
        private static partial void NotSent(ILogger logger, Guid messageId, int attempts, string error);
    }
}
