using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CSELearning.IntegrationTests.Platform;

public sealed class EmailTests
{
    [Fact]
    public async Task With_an_smtp_server_configured_email_is_delivered_to_it_with_a_plain_text_part()
    {
        using var server = new SmtpCatcher();
        var sender = new MailKitEmailSender(Options.Create(new EmailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = server.Port, EnableSsl = false, From = "learning@riverside.example",
        }));

        await sender.SendAsync(new EmailMessage("dev.patel@riverside.example", "Reset your CSELearning password",
            "Choose a new password here: https://localhost/account/reset-password?user=1&token=abc"));

        var message = Assert.Single(server.Messages);
        Assert.Equal("learning@riverside.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("dev.patel@riverside.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("Reset your CSELearning password", message.Subject);
        Assert.Contains("https://localhost/account/reset-password?user=1&token=abc", message.TextBody);
        Assert.Null(message.HtmlBody);
    }
}
