namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Marks a class that a feature's handlers share (an access check, a form's builder): it is registered for each
/// request as handlers are, so the feature that owns it needs no wiring anywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureServiceAttribute : Attribute;

public static class FeatureRegistration
{
    /// <summary>
    /// Registers every use-case handler (a nested class named Handler in a Features file) and every class marked
    /// [FeatureService], so that a new use case needs no wiring: controllers take it with [FromServices].
    /// </summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        var services = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                && (t is { Name: "Handler", IsNested: true } && t.Namespace?.StartsWith("CSELearning.Web.Features", StringComparison.Ordinal) == true
                    || t.IsDefined(typeof(FeatureServiceAttribute), inherit: false)));
        foreach (var service in services) builder.Services.AddScoped(service);
        return builder;
    }
}
