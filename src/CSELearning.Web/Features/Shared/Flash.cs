using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CSELearning.Web.Features.Shared;

public static class Flash
{
    public const string Key = "flash";
    public const string NoticeKey = "notice";

    public static void Set(ITempDataDictionary tempData, string message) => tempData[Key] = message;

    public static void SetNotice(ITempDataDictionary tempData, string message) => tempData[NoticeKey] = message;
}
