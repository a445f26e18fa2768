using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CSELearning.Web.Infrastructure.Email;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port, in the test process: the application sends to it through MailKit as
/// it would to any mail server, and tests read back what arrived, as MIME and as the plain-text part.
/// </summary>
public sealed class SmtpCatcher : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private int _refuseNext;

    public SmtpCatcher()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public const string From = "learning@cselearning.example";

    /// <summary>Every message received, as MIME.</summary>
    public IReadOnlyList<MimeMessage> Messages => _received.ToList();

    /// <summary>Every message received, as the addressee, subject and plain-text part.</summary>
    public IReadOnlyList<EmailMessage> Sent => _received
        .Select(m => new EmailMessage(m.To.Mailboxes.Single().Address, m.Subject ?? "", m.TextBody ?? "", m.HtmlBody))
        .ToList();

    public void Clear()
    {
        _received.Clear();
        Volatile.Write(ref _refuseNext, 0);
    }

    /// <summary>The next n messages are refused with a temporary failure (451), as a mail server that is struggling does.</summary>
    public void RefuseNext(int n) => Volatile.Write(ref _refuseNext, n);

    /// <summary>How long the server takes over each message, to make overlapping senders overlap.</summary>
    public TimeSpan Delay { get; set; }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpCatcher catcher) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (catcher.Delay > TimeSpan.Zero) await Task.Delay(catcher.Delay, cancellationToken);
            int refuse;
            while ((refuse = Volatile.Read(ref catcher._refuseNext)) > 0)
                if (Interlocked.CompareExchange(ref catcher._refuseNext, refuse - 1, refuse) == refuse)
                    return new SmtpResponse((SmtpReplyCode)451, "try again later");
            await using var stream = new MemoryStream(buffer.ToArray());
            catcher._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
