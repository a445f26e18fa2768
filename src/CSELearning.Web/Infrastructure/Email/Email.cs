using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends the platform's few emails (password reset, account set-up).</summary>
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
        if (IsConfigured && !MailAddress.TryCreate(From, out _))
            yield return new ValidationResult("Email:From must be an email address when Email:SmtpHost is set.", [nameof(From)]);
    }
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        using var mail = new MailMessage(settings.From!, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, cancellationToken);
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
        if (configured) builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else if (builder.Environment.IsDevelopment()) builder.Services.AddSingleton<IEmailSender, DevelopmentLogEmailSender>();
        else builder.Services.AddSingleton<IEmailSender, UnconfiguredEmailSender>();
        return builder;
    }
}
