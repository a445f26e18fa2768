using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Account;

// "Stay signed in" in the timeout warning. Reaching it is what renews the session (every signed-in request renews
// the cookie); it answers how long the session now has, so the page can time its next warning.
public static class StaySignedIn
{
    public sealed record Result(int SecondsLeft);

    public sealed class Handler
    {
        public Result Handle(HttpContext http) => new((int)SessionTimes.Left(http).TotalSeconds);
    }
}
