using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CSELearning.Web.Features.Shared;

/// <summary>A one-off message shown at the top of the next page.</summary>
public static class Flash
{
    public const string Key = "flash";
    public const string NoticeKey = "notice";

    /// <summary>A confirmation of what just happened ("Account created"), in a green banner.</summary>
    public static void Set(ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>Something the person needs to know before going on ("Start the module to take part"), in a blue banner.</summary>
    public static void SetNotice(ITempDataDictionary tempData, string message) => tempData[NoticeKey] = message;
}
