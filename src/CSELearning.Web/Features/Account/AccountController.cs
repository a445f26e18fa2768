using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace CSELearning.Web.Features.Account;

[Route("account")]
public sealed class AccountController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Overview.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.HandleAsync(User, cancellationToken);
        return model is null ? NotFound() : View("Overview", model);
    }

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignIn.Input { ReturnUrl = LocalOrNull(returnUrl) });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(IdentityExtensions.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignIn.Input input, [FromServices] SignIn.Handler handler)
    {
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        if (!ModelState.IsValid) return View(input);
        if (!await handler.HandleAsync(input))
        {
            ModelState.AddModelError(nameof(input.Email), Account.SignIn.FailureMessage);
            input.Password = "";
            return View(input);
        }
        return LocalRedirect(input.ReturnUrl ?? "/");
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfSite([FromServices] AppSignInManager signInManager)
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(SignedOut));
    }

    [HttpPost("stay-signed-in")]
    public IActionResult StaySignedIn(string? returnUrl, [FromServices] StaySignedIn.Handler handler)
    {
        var result = handler.Handle(HttpContext);
        if (Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
            return Json(new { secondsLeft = result.SecondsLeft });
        return LocalRedirect(LocalOrNull(returnUrl) ?? "/");
    }

    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere([FromServices] SignOutEverywhere.Handler handler, CancellationToken cancellationToken)
    {
        await handler.HandleAsync(User, cancellationToken);
        return RedirectToAction(nameof(SignedOut), new { everywhere = true });
    }

    [AllowAnonymous]
    [HttpGet("signed-out")]
    public IActionResult SignedOut(bool everywhere) => View(everywhere);

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Input());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    [EnableRateLimiting(IdentityExtensions.SignInRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Input input, [FromServices] ForgotPassword.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return View(input);
        await handler.HandleAsync(input, cancellationToken);
        return View("ForgotPasswordSent", input.Email.Trim());
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(Guid user, string? token) =>
        View(new ResetPassword.Input { User = user, Token = token ?? "" });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [EnableRateLimiting(IdentityExtensions.SignInRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPassword.Input input, [FromServices] ResetPassword.Handler handler)
    {
        if (!ModelState.IsValid) return View(input);
        var result = await handler.HandleAsync(input);
        if (result.Succeeded)
        {
            Flash.Set(TempData, "Your password has been changed. Sign in with your new password.");
            return RedirectToAction(nameof(SignIn));
        }
        if (result.InvalidLink) ModelState.AddModelError("", Account.ResetPassword.InvalidLinkMessage);
        foreach (var error in result.PasswordErrors) ModelState.AddModelError(nameof(input.NewPassword), error);
        return View(input);
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePassword.Input());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePassword.Input input, [FromServices] ChangePassword.Handler handler)
    {
        if (!ModelState.IsValid) return View(input);
        var result = await handler.HandleAsync(User, input);
        switch (result.Outcome)
        {
            case Account.ChangePassword.Outcome.Changed:
                Flash.Set(TempData, "Your password has been changed.");
                return RedirectToAction(nameof(Index));
            case Account.ChangePassword.Outcome.LockedOut:
                return RedirectToAction(nameof(SignIn));
            case Account.ChangePassword.Outcome.WrongCurrentPassword:
                foreach (var error in result.Errors) ModelState.AddModelError(nameof(input.CurrentPassword), error);
                return View(new ChangePassword.Input());
            default:
                foreach (var error in result.Errors) ModelState.AddModelError(nameof(input.NewPassword), error);
                return View(new ChangePassword.Input());
        }
    }

    [HttpGet("my-data")]
    public async Task<IActionResult> MyData([FromServices] MyData.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.SummaryAsync(User, cancellationToken));

    [HttpGet("my-data.zip")]
    public async Task<IActionResult> MyDataZip([FromServices] MyData.Handler handler, CancellationToken cancellationToken)
    {
        Response.ContentType = "application/zip";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = Account.MyData.FileName }.ToString();
        await handler.WriteAsync(User, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
