using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>One method and route pattern the application answers, and the access its metadata gives it.</summary>
public sealed record EndpointAccess(string Method, string Pattern, string Access)
{
    public const string Anonymous = "anonymous";
    public const string SignedIn = "signed in";

    /// <summary>"GET /reflections/{id:guid}": how the access tables name an endpoint.</summary>
    public string Key => $"{Method} {Pattern}";
}

/// <summary>Every endpoint, read from the application's routing metadata, so tables of them cannot fall behind.</summary>
public static class Endpoints
{
    public static IReadOnlyList<EndpointAccess> Of(AppFactory factory)
    {
        var list = new List<EndpointAccess>();
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var access = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? EndpointAccess.Anonymous
                : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null) ?? EndpointAccess.SignedIn;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (methods.Count == 0) list.Add(new EndpointAccess("*", pattern, access));
            list.AddRange(methods.Select(method => new EndpointAccess(method, pattern, access)));
        }
        return list;
    }
}
