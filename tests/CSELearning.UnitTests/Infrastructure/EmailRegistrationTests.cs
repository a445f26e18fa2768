using CSELearning.Web.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CSELearning.UnitTests.Infrastructure;

public class EmailRegistrationTests
{
    private static IEmailSender SenderFor(string environment, string? smtpHost)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = smtpHost,
            ["Email:From"] = "learning@riverside.example",
        });
        builder.AddEmail();
        return builder.Build().Services.GetRequiredService<IEmailSender>();
    }

    [Fact]
    public void Development_without_smtp_writes_email_to_the_log() =>
        Assert.IsType<DevelopmentLogEmailSender>(SenderFor("Development", null));

    [Fact]
    public void Production_without_smtp_sends_nothing_and_logs_no_content() =>
        Assert.IsType<UnconfiguredEmailSender>(SenderFor("Production", null));

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void A_configured_smtp_server_is_used_everywhere(string environment) =>
        Assert.IsType<MailKitEmailSender>(SenderFor(environment, "smtp.riverside.example"));

    [Fact]
    public async Task The_development_log_carries_the_link_and_the_production_log_does_not()
    {
        var development = new ListLogger<DevelopmentLogEmailSender>();
        var production = new ListLogger<UnconfiguredEmailSender>();
        var message = new EmailMessage("dev.patel@riverside.example", "Reset your CSELearning password", "https://localhost/account/reset-password?user=1&token=abc");

        await new DevelopmentLogEmailSender(development).SendAsync(message);
        await new UnconfiguredEmailSender(production).SendAsync(message);

        Assert.Contains(development.Lines, l => l.Contains("token=abc", StringComparison.Ordinal));
        Assert.DoesNotContain(production.Lines, l => l.Contains("token=abc", StringComparison.Ordinal));
        Assert.Contains(production.Lines, l => l.Contains("Email:SmtpHost", StringComparison.Ordinal));
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
