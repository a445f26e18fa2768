using Microsoft.AspNetCore.Mvc;

namespace CSELearning.Web.Infrastructure.Web;

public static class PdfResults
{
    /// <summary>
    /// A generated PDF as a download. Every one holds someone's own record, so no browser or proxy may keep a
    /// copy (no-store), and it is saved as a file rather than shown in a tab that stays open.
    /// </summary>
    public static FileContentResult PdfDownload(this ControllerBase controller, byte[] bytes, string fileName)
    {
        controller.Response.Headers.CacheControl = "no-store";
        return controller.File(bytes, "application/pdf", fileName);
    }
}
