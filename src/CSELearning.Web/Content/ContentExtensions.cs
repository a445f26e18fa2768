using Microsoft.Extensions.Options;

namespace CSELearning.Web.Content;

// Where the learning content is: bound from the "Content" section.
public sealed class ContentOptions
{
    public const string Section = "Content";

    // The folder that holds modules/. When empty: the content folder beside the application
    // (published), else the repository's content/ (dotnet run, tests).
    public string? Directory { get; set; }

    // A configured folder (relative to contentRoot), or the default's first match.
    public static string? Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);

        string[] beside = [Path.Combine(contentRoot, "content"), Path.Combine(AppContext.BaseDirectory, "content")];
        return beside.Where(IsContentDirectory)
            .Concat(RepositoryContent(contentRoot))
            .Concat(RepositoryContent(AppContext.BaseDirectory))
            .Select(Path.GetFullPath)
            .FirstOrDefault();
    }

    private static bool IsContentDirectory(string path) => System.IO.Directory.Exists(Path.Combine(path, ContentLoader.ModulesFolder));

    private static IEnumerable<string> RepositoryContent(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var content = Path.Combine(directory.FullName, "content");
            if (File.Exists(Path.Combine(directory.FullName, "CSELearning.sln")) && IsContentDirectory(content))
                yield return content;
        }
    }
}

public sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
            return ValidateOptionsResult.Fail("Content:Directory is not set and no content folder was found beside the application or in the repository: set it to the folder that holds modules/.");
        if (!Directory.Exists(options.Directory))
            return ValidateOptionsResult.Fail($"Content:Directory is '{options.Directory}', which does not exist.");
        return ValidateOptionsResult.Success;
    }
}

public static class ContentExtensions
{
    // The content catalog, loaded once. With checkOnStart, the site loads it before serving
    // and refuses to start when the content has problems.
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder, bool checkOnStart = true)
    {
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        var options = builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .PostConfigure<IHostEnvironment>((o, environment) => o.Directory = ContentOptions.Resolve(o.Directory, environment.ContentRootPath));
        builder.Services.AddSingleton(services => ContentCatalog.Load(services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory!));
        if (checkOnStart)
        {
            options.ValidateOnStart();
            builder.Services.AddHostedService<ContentStartupCheck>();
        }
        return builder;
    }
}

// Loads the content as the host starts: a problem stops start-up instead of failing a learner's request.
internal sealed class ContentStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContentCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
