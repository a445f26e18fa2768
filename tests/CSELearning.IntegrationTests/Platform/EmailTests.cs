using System.Net;
using System.Net.Sockets;
using System.Text;
using CSELearning.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CSELearning.IntegrationTests.Platform;

public sealed class EmailTests
{
    [Fact]
    public async Task With_an_smtp_server_configured_email_is_delivered_to_it()
    {
        using var server = new LoopbackSmtpServer();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = server.Port, EnableSsl = false, From = "learning@riverside.example",
        }));

        await sender.SendAsync(new EmailMessage("dev.patel@riverside.example", "Reset your CSELearning password", "Choose a new password here: https://localhost/account/reset-password?user=1&token=abc"));
        // The body arrives quoted-printable: undo soft line breaks and the escaped '='.
        var received = (await server.ReceivedAsync()).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);

        Assert.Contains("MAIL FROM:<learning@riverside.example>", received);
        Assert.Contains("RCPT TO:<dev.patel@riverside.example>", received);
        Assert.Contains("Subject: Reset your CSELearning password", received);
        Assert.Contains("https://localhost/account/reset-password?user=1&token=abc", received);
    }

    /// <summary>Just enough of SMTP, on a loopback port, to receive one message.</summary>
    private sealed class LoopbackSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task<string> _session;

        public LoopbackSmtpServer()
        {
            _listener.Start();
            _session = Task.Run(RunAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<string> ReceivedAsync() => _session.WaitAsync(TimeSpan.FromSeconds(30));

        private async Task<string> RunAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var transcript = new StringBuilder();
            await writer.WriteLineAsync("220 loopback ready");
            var inData = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                transcript.AppendLine(line);
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        await writer.WriteLineAsync("250 queued");
                    }
                    continue;
                }
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO": await writer.WriteLineAsync("250 loopback"); break;
                    case "DATA": inData = true; await writer.WriteLineAsync("354 go ahead"); break;
                    case "QUIT": await writer.WriteLineAsync("221 bye"); return transcript.ToString();
                    default: await writer.WriteLineAsync("250 ok"); break;
                }
            }
            return transcript.ToString();
        }

        public void Dispose() => _listener.Stop();
    }
}
