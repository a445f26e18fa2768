using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CSELearning.Web.Features.Notifications;

// What is kept of a failed send: the kind of failure and the server's status code, never the server's text,
// which can quote the addressee or the message back.
public static class OutboxFailure
{
    public static string Describe(Exception e) => e switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        System.Security.Authentication.AuthenticationException or MailKit.Security.AuthenticationException => "SMTP authentication or TLS failed",
        SslHandshakeException => "TLS handshake failed",
        ServiceNotConnectedException => "SMTP server not connected",
        SocketException socket => $"Network error ({socket.SocketErrorCode})",
        TimeoutException or OperationCanceledException => "Timed out",
        IOException => "Connection lost",
        _ => e.GetType().Name,
    };
}
