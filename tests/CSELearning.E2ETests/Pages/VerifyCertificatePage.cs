using CSELearning.E2ETests.Infrastructure;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages;

/// <summary>The public page a certificate's link or QR code opens: whether it is valid, and whose it is.</summary>
public sealed class VerifyCertificatePage : AppPage
{
    private VerifyCertificatePage(BrowserSession session) : base(session) { }

    /// <summary>"Valid certificate", or the warning that it has expired or been revoked.</summary>
    public ILocator Result => Page.Locator("main #verification-result");

    /// <summary>A detail: "Certificate number", "Learner", "Module", "Completed on", "Valid until".</summary>
    public ILocator Detail(string key) => SummaryValue(key);

    /// <summary>Opens the address as someone given the link would, typed or scanned.</summary>
    public static async Task<VerifyCertificatePage> OpenAsync(BrowserSession session, string url)
    {
        await session.Page.GotoAsync(url);
        await session.ArriveAsync("verify/[A-Z0-9]{20}", "Check a certificate");
        return new VerifyCertificatePage(session);
    }
}
