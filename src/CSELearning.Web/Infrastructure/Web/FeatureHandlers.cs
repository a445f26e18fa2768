namespace CSELearning.Web.Infrastructure.Web;

public static class FeatureHandlers
{
    /// <summary>
    /// Registers every use-case handler (a nested class named Handler in a Features file) so that a new use
    /// case needs no wiring: controllers take it with [FromServices].
    /// </summary>
    public static IHostApplicationBuilder AddFeatureHandlers(this IHostApplicationBuilder builder)
    {
        var handlers = typeof(FeatureHandlers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Name: "Handler", IsNested: true }
                && t.Namespace?.StartsWith("CSELearning.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers) builder.Services.AddScoped(handler);
        builder.Services.AddScoped<Features.Account.ResetLinks>();
        builder.Services.AddScoped<Features.Certificates.CertificateFiles>();
        builder.Services.AddScoped<Features.Modules.LearnerRecords>();
        builder.Services.AddScoped<Features.Modules.ScenarioSteps>();
        builder.Services.AddScoped<Features.Reflections.ReflectionAccess>();
        builder.Services.AddScoped<Features.Reflections.SupervisorReview>();
        builder.Services.AddScoped<Features.Supervision.RecordAccess>();
        builder.Services.AddScoped<Features.Supervision.RecordEditor>();
        builder.Services.AddSingleton<Domain.Reflections.ITextProtector, Features.Reflections.DataProtectionTextProtector>();
        return builder;
    }
}
