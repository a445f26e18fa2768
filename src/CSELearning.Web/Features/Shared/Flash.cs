using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CSELearning.Web.Features.Shared;

// A one-off message shown at the top of the next page.
public static class Flash
{
    public const string Key = "flash";
    public const string NoticeKey = "notice";

    // A confirmation of what just happened ("Account created"), in a green banner.
    public static void Set(ITempDataDictionary tempData, string message) => tempData[Key] = message;

    // Something the person needs to know before going on ("Start the module to take part"), in a blue banner.
    public static void SetNotice(ITempDataDictionary tempData, string message) => tempData[NoticeKey] = message;
}
