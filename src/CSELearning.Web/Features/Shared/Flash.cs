using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CSELearning.Web.Features.Shared;

/// <summary>A one-off confirmation shown at the top of the next page ("Account created").</summary>
public static class Flash
{
    public const string Key = "flash";

    public static void Set(ITempDataDictionary tempData, string message) => tempData[Key] = message;
}
