using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CSELearning.Web.Infrastructure.Email;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>Keeps the emails the site sends, so that a journey can follow the link in one.</summary>
public sealed partial class CapturingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The newest email to <paramref name="address"/>; fails the test when none was sent.</summary>
    public EmailMessage LatestTo(string address) =>
        _sent.LastOrDefault(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"No email was sent to {address}.");

    /// <summary>The one web address in an email's body.</summary>
    public static Uri LinkIn(EmailMessage message)
    {
        var links = LinkPattern().Matches(message.Body);
        Assert.True(links.Count == 1, $"Expected one link in \"{message.Subject}\", found {links.Count}:\n{message.Body}");
        return new Uri(links[0].Value);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
