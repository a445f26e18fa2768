using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CSELearning.Web.Infrastructure.Email;

/// <summary>An email: Body is its plain-text part, which every email has; HtmlBody is an optional alternative.</summary>
public sealed record EmailMessage(string To, string Subject, string Body, string? HtmlBody = null);

/// <summary>Delivers one email now. Everything but tests goes through the outbox, which calls this.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>SMTP settings, bound from the "Email" section; email is off while SmtpHost is empty.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }
    [Range(1, 65535, ErrorMessage = "Email:SmtpPort must be between 1 and 65535.")]
    public int SmtpPort { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && !(MailboxAddress.TryParse(From, out var from) && from.Address.Contains('@', StringComparison.Ordinal)))
            yield return new ValidationResult("Email:From must be an email address when Email:SmtpHost is set.", [nameof(From)]);
    }
}

public sealed class MailKitEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mime = Compose(settings.From!, message);
        using var client = new SmtpClient { Timeout = 30_000 };
        // EnableSsl asks for TLS from the first byte on 465 and STARTTLS elsewhere, as System.Net.Mail did not
        // distinguish; never a silent fall-back to plain text when TLS was asked for.
        var security = !settings.EnableSsl ? SecureSocketOptions.None
            : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static MimeMessage Compose(string from, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>In Development, with no SMTP server, the email (and so any link in it) goes to the log.</summary>
public sealed partial class DevelopmentLogEmailSender(ILogger<DevelopmentLogEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Log(logger, message.To, message.Subject, message.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development email (no SMTP configured) to {To}: {Subject}\n{Body}")]
    private static partial void Log(ILogger logger, string to, string subject, string body);
}

/// <summary>Outside Development with no SMTP server: nothing is sent, and the log says so without the content.</summary>
public sealed partial class UnconfiguredEmailSender(ILogger<UnconfiguredEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Log(logger, message.Subject);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An email ({Subject}) was not sent: set Email:SmtpHost and Email:From to send email")]
    private static partial void Log(ILogger logger, string subject);
}

public static class EmailExtensions
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var configured = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.IsConfigured == true;
        if (configured) builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();
        else if (builder.Environment.IsDevelopment()) builder.Services.AddSingleton<IEmailSender, DevelopmentLogEmailSender>();
        else builder.Services.AddSingleton<IEmailSender, UnconfiguredEmailSender>();
        return builder;
    }
}
