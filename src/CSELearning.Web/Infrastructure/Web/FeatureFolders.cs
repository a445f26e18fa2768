using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Finds a controller's views beside it: a controller in namespace CSELearning.Web.Features.Administration.Users
/// renders views from /Features/Administration/Users/, falling back to /Features/Shared/.
/// </summary>
public sealed class FeatureConvention : IControllerModelConvention
{
    public const string Key = "feature";

    public void Apply(ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? "";
        const string marker = ".Features.";
        var at = ns.IndexOf(marker, StringComparison.Ordinal);
        controller.Properties[Key] = at < 0 ? "" : ns[(at + marker.Length)..].Replace('.', '/');
    }
}

public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var feature))
            context.Values[FeatureConvention.Key] = feature as string;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        context.Values.TryGetValue(FeatureConvention.Key, out var feature);
        foreach (var location in viewLocations)
        {
            if (location.Contains("{3}", StringComparison.Ordinal))
            {
                if (!string.IsNullOrEmpty(feature)) yield return location.Replace("{3}", feature, StringComparison.Ordinal);
            }
            else
            {
                yield return location;
            }
        }
    }
}
