using System.Collections.Concurrent;
using CSELearning.Web.Infrastructure.Email;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>Keeps the emails the application sends, so tests can follow the links in them.</summary>
public sealed class CapturingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public IReadOnlyList<EmailMessage> Sent => _sent.ToList();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public void Clear() => _sent.Clear();
}
