using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using static CSELearning.IntegrationTests.Platform.Answer;

namespace CSELearning.IntegrationTests.Platform;

/// <summary>What a principal should get back from an endpoint.</summary>
public enum Answer
{
    /// <summary>The page or file (2xx), or the handler's own redirect (not to sign-in).</summary>
    Ok,
    /// <summary>For a post: not refused for who the person is (not 403, 404 or sign-in, and no server error); the form may still fail validation.</summary>
    Reached,
    /// <summary>404: someone else's record, answered as if it did not exist.</summary>
    NotFound,
    /// <summary>403: the person's role may not use the endpoint at all.</summary>
    Forbidden,
    /// <summary>A redirect to sign in.</summary>
    SignIn,
    /// <summary>500 with the plain error page: only the error page itself, visited directly, answers so.</summary>
    ErrorPage,
}

/// <summary>
/// Who may reach what, proved for every endpoint and every kind of person, with the addresses filled in from one
/// seeded world (<see cref="AccessWorld"/>): the non-owners use the author's own ids, as anyone changing an id in
/// an address would. Every endpoint in the routing metadata must have a row; a new one without a row fails.
/// </summary>
public abstract class AccessMatrixTests(AppFactory factory) : IntegrationTest(factory)
{
    /// <summary>
    /// An address (placeholders from <see cref="AccessWorld.Values"/>), the answer for each principal in
    /// <see cref="Principal"/> order, and for a post the form sent with the antiforgery token. A content reviewer
    /// gets what another learner in the partnership gets (no record of anyone's is theirs, and no role but their
    /// own), unless the row says otherwise.
    /// </summary>
    public sealed record Row(string Url, Answer Author, Answer Supervisor, Answer Former, Answer Unrelated, Answer Commissioner,
        Answer OtherCommissioner, Answer Administrator, Answer Anonymous, string Form = "", Answer? Reviewer = null)
    {
        public Answer For(Principal principal) => principal switch
        {
            Principal.Author => Author,
            Principal.Supervisor => Supervisor,
            Principal.Former => Former,
            Principal.Unrelated => Unrelated,
            Principal.Commissioner => Commissioner,
            Principal.OtherCommissioner => OtherCommissioner,
            Principal.Administrator => Administrator,
            Principal.ContentReviewer => Reviewer ?? Unrelated,
            _ => Anonymous,
        };
    }

    // Rows most endpoints share.
    private static Row Public(string url, string form = "") => new(url, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, form);
    private static Row AnyoneSignedIn(string url, string form = "") => new(url, Ok, Ok, Ok, Ok, Ok, Ok, Ok, SignIn, form);
    private static Row AnyonePosts(string url, string form = "") => new(url, Reached, Reached, Reached, Reached, Reached, Reached, Reached, SignIn, form);
    private static Row AdministratorOnly(string url) => new(url, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, SignIn);
    private static Row AdministratorPosts(string url, string form = "") => new(url, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Reached, SignIn, form);
    /// <summary>A report scoped by P1's ids: P1's commissioner and the administrator see it; P2's commissioner is told it does not exist.</summary>
    private static Row ReportOfP1(string url) =>
        new(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "partnership={partnership}&agency={agency}", Forbidden, Forbidden, Forbidden, Forbidden, Ok, NotFound, Ok, SignIn);

    /// <summary>Method and route pattern (as <see cref="RouteAccessTests.Expected"/> names them), and the row.</summary>
    public static readonly IReadOnlyDictionary<string, Row> Matrix = new Dictionary<string, Row>
    {
        ["GET /"] = AnyoneSignedIn("/"),
        ["GET /account"] = AnyoneSignedIn("/account"),
        ["GET /account/sign-in"] = Public("/account/sign-in"),
        ["POST /account/sign-in"] = new("/account/sign-in", Reached, Reached, Reached, Reached, Reached, Reached, Reached, Reached, "Email=nobody@riverside.example&Password=wrong"),
        ["POST /account/sign-out"] = AnyonePosts("/account/sign-out"),
        ["POST /account/sign-out-everywhere"] = AnyonePosts("/account/sign-out-everywhere"),
        // The timeout warning's "Stay signed in": reaching it renews the asker's own session.
        ["POST /account/stay-signed-in"] = AnyonePosts("/account/stay-signed-in"),
        // Kept drafts: everyone's own list; an id that is not one of the asker's drafts is not found.
        ["GET /kept-drafts"] = AnyoneSignedIn("/kept-drafts"),
        ["POST /kept-drafts/{id:guid}/discard"] = new("/kept-drafts/{keptDraft}/discard", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["GET /account/signed-out"] = Public("/account/signed-out"),
        ["GET /account/forgot-password"] = Public("/account/forgot-password"),
        ["POST /account/forgot-password"] = new("/account/forgot-password", Reached, Reached, Reached, Reached, Reached, Reached, Reached, Reached, "Email=nobody@riverside.example"),
        ["GET /account/reset-password"] = new("/account/reset-password?email=lee.author%40riverside.example&token=forged", Reached, Reached, Reached, Reached, Reached, Reached, Reached, Reached),
        ["POST /account/reset-password"] = new("/account/reset-password", Reached, Reached, Reached, Reached, Reached, Reached, Reached, Reached, "Email=lee.author%40riverside.example&Token=forged&NewPassword=x&ConfirmPassword=x"),
        ["GET /account/change-password"] = AnyoneSignedIn("/account/change-password"),
        // Everyone's own data: no address names a person, so nobody can ask for someone else's.
        ["GET /account/my-data"] = AnyoneSignedIn("/account/my-data"),
        ["GET /account/my-data.zip"] = AnyoneSignedIn("/account/my-data.zip"),
        ["GET /privacy"] = Public("/privacy"),
        ["POST /account/change-password"] = AnyonePosts("/account/change-password", "CurrentPassword=wrong&NewPassword=x&ConfirmPassword=x"),
        ["GET /modules"] = AnyoneSignedIn("/modules"),
        ["GET /modules/{id}"] = AnyoneSignedIn("/modules/{module}"),
        ["GET /modules/{id}/{section}"] = AnyoneSignedIn("/modules/{module}/{check}"),
        ["POST /modules/{id}/start"] = AnyonePosts("/modules/{module}/start"),
        ["POST /modules/{id}/{section}/choose"] = AnyonePosts("/modules/{module}/jade/choose", "Choice=1"),
        ["POST /modules/{id}/{section}/back"] = AnyonePosts("/modules/{module}/jade/back"),
        ["POST /modules/{id}/{section}/start-again"] = AnyonePosts("/modules/{module}/jade/start-again"),
        ["POST /modules/{id}/{section}/answers"] = AnyonePosts("/modules/{module}/{check}/answers"),
        // Attempt 1 is the author's. The unrelated learner has started the module but made no attempt: not found.
        // The others have not started it and are sent to its start; no address names another person's attempt.
        ["GET /modules/{id}/{section}/attempts/{number:int}"] = new("/modules/{module}/{check}/attempts/1", Ok, Ok, Ok, NotFound, Ok, Ok, Ok, SignIn, Reviewer: Ok),
        ["GET /modules/{id}/completion"] = AnyoneSignedIn("/modules/{module}/completion"),
        ["POST /modules/{id}/completion"] = AnyonePosts("/modules/{module}/completion"),
        ["GET /my-learning"] = AnyoneSignedIn("/my-learning"),
        ["GET /notifications"] = AnyoneSignedIn("/notifications"),
        ["POST /notifications/read"] = AnyonePosts("/notifications/read"),
        // Each person's own notification: anyone else is told it does not exist.
        ["POST /notifications/{id:guid}/read"] = new("/notifications/{notification}/read", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["GET /notifications/preferences"] = AnyoneSignedIn("/notifications/preferences"),
        ["POST /notifications/preferences"] = AnyonePosts("/notifications/preferences", "Emailed=RefreshDueSoon"),
        ["GET /my-learning/record.pdf"] = AnyoneSignedIn("/my-learning/record.pdf?reflections=true"),
        ["GET /my-learning/certificates/{number}.pdf"] = new("/my-learning/certificates/{number}.pdf", Ok, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["GET /certificates/download"] = new("/certificates/download", Forbidden, Forbidden, Forbidden, Forbidden, Ok, Ok, Ok, SignIn),
        ["GET /certificates/download.zip"] = ReportOfP1("/certificates/download.zip?from={yearAgo}&to={today}"),
        ["GET /glossary"] = Public("/glossary"),
        ["GET /law"] = Public("/law"),
        ["GET /verify/{code}"] = Public("/verify/{code}"),
        ["GET /reflections"] = AnyoneSignedIn("/reflections"),
        ["POST /reflections/new"] = AnyonePosts("/reflections/new"),
        ["GET /reflections/export.pdf"] = AnyoneSignedIn("/reflections/export.pdf"),
        ["GET /reflections/{id:guid}"] = new("/reflections/{log}", Ok, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["POST /reflections/{id:guid}"] = new("/reflections/{log}", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Title=Changed&Description=Changed"),
        ["POST /reflections/{id:guid}/autosave"] = new("/reflections/{log}/autosave", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Title=Changed"),
        ["POST /reflections/{id:guid}/save-as-new"] = new("/reflections/{log}/save-as-new", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Title=Copied"),
        ["GET /reflections/{id:guid}/share"] = new("/reflections/{log}/share", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["POST /reflections/{id:guid}/share"] = new("/reflections/{log}/share", Reached, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2"),
        ["POST /reflections/{id:guid}/comments"] = new("/reflections/{log}/comments", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Stage=Conclusion&Text=A+comment"),
        ["POST /reflections/{id:guid}/request-revision"] = new("/reflections/{log}/request-revision", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Text=Please+revise"),
        ["POST /reflections/{id:guid}/review/autosave"] = new("/reflections/{log}/review/autosave", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "DraftVersion=0&Comments%5Bfeelings%5D=A+draft"),
        ["POST /reflections/{id:guid}/replies"] = new("/reflections/{log}/replies", Reached, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Replies%5Bfeelings%5D=A+reply"),
        ["POST /reflections/{id:guid}/replies/autosave"] = new("/reflections/{log}/replies/autosave", Reached, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "DraftVersion=0&Replies%5Bfeelings%5D=A+draft"),
        ["POST /reflections/{id:guid}/sign-off"] = new("/reflections/{log}/sign-off", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Confirm=true"),
        ["POST /reflections/{id:guid}/reopen"] = new("/reflections/{log}/reopen", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&Text=Reopening"),
        ["GET /supervision/caseload"] = new("/supervision/caseload", Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, SignIn),
        ["GET /reports/uptake"] = ReportOfP1("/reports/uptake"),
        ["GET /reports/uptake.csv"] = ReportOfP1("/reports/uptake.csv"),
        ["GET /reports/targets"] = ReportOfP1("/reports/targets"),
        ["GET /reports/targets.csv"] = ReportOfP1("/reports/targets.csv"),
        ["GET /reports/targets/new"] = ReportOfP1("/reports/targets/new"),
        ["POST /reports/targets/new"] = new("/reports/targets/new?partnership={partnership}", Forbidden, Forbidden, Forbidden, Forbidden, Reached, NotFound, Reached, SignIn, "Agency={agency}&Module={module}&Percent=90&DueOn={today}"),
        ["POST /reports/targets/{id:guid}/remove"] = new("/reports/targets/{target}/remove", Forbidden, Forbidden, Forbidden, Forbidden, Reached, NotFound, Reached, SignIn),
        ["GET /reports/trends"] = ReportOfP1("/reports/trends"),
        ["GET /reports/xapi.json"] = ReportOfP1("/reports/xapi.json"),
        ["GET /reports/trends.csv"] = ReportOfP1("/reports/trends.csv"),
        ["GET /reports/scenarios"] = ReportOfP1("/reports/scenarios?module={module}"),
        ["GET /reports/scenarios.csv"] = ReportOfP1("/reports/scenarios.csv?module={module}"),
        // Figures about the content, never a person: content reviewers and administrators only.
        ["GET /item-analysis"] = new("/item-analysis?module={module}", Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, SignIn, Reviewer: Ok),
        ["GET /item-analysis.csv"] = new("/item-analysis.csv?module={module}", Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, SignIn, Reviewer: Ok),
        ["GET /supervision/records"] = AnyoneSignedIn("/supervision/records"),
        ["GET /supervision/records/new"] = new("/supervision/records/new?supervisee={author}", Forbidden, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, SignIn),
        ["POST /supervision/records/new"] = new("/supervision/records/new?supervisee={author}", Forbidden, Reached, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, SignIn, "Version=0&SessionDate={today}&Discussion=New"),
        ["GET /supervision/records/{id:guid}"] = new("/supervision/records/{record}", Ok, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["GET /supervision/records/{id:guid}/calendar.ics"] = new("/supervision/records/{record}/calendar.ics", Ok, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["GET /supervision/records/{id:guid}/pdf"] = new("/supervision/records/{record}/pdf", Ok, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["POST /supervision/records/{id:guid}"] = new("/supervision/records/{record}", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&SessionDate={today}&Discussion=Overwritten"),
        ["POST /supervision/records/{id:guid}/comments"] = new("/supervision/records/{record}/comments", Reached, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Text=A+comment"),
        ["POST /supervision/records/{id:guid}/autosave"] = new("/supervision/records/{record}/autosave", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2&SessionDate={today}&Discussion=Autosaved"),
        ["GET /supervision/records/{id:guid}/sign"] = new("/supervision/records/{record}/sign", Forbidden, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["POST /supervision/records/{id:guid}/sign/confirm"] = new("/supervision/records/{record}/sign/confirm", Forbidden, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2"),
        ["POST /supervision/records/{id:guid}/sign"] = new("/supervision/records/{record}/sign", Reached, Reached, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2"),
        // Acknowledging is the supervisee's alone: the button (with any comment typed), the confirmation, and the confirm.
        ["POST /supervision/records/{id:guid}/acknowledge"] = new("/supervision/records/{record}/acknowledge", Reached, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["GET /supervision/records/{id:guid}/acknowledge"] = new("/supervision/records/{record}/acknowledge", Ok, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn),
        ["POST /supervision/records/{id:guid}/acknowledge/confirm"] = new("/supervision/records/{record}/acknowledge/confirm", Reached, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, "Version=2"),
        ["GET /admin/audit"] = AdministratorOnly("/admin/audit"),
        ["GET /admin/certificates"] = AdministratorOnly("/admin/certificates?number={number}"),
        ["GET /admin/certificates/{id:guid}"] = AdministratorOnly("/admin/certificates/{certificate}"),
        ["POST /admin/certificates/{id:guid}/revoke"] = AdministratorPosts("/admin/certificates/{certificate}/revoke", "Reason=Issued+in+error&Confirm=true"),
        ["GET /support"] = Public("/support"),
        ["* /error"] = new("/error", ErrorPage, ErrorPage, ErrorPage, ErrorPage, ErrorPage, ErrorPage, ErrorPage, ErrorPage),
        // The status page answers with the status it shows.
        ["* /error/{statusCode:int}"] = new("/error/404", NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound),
        ["* /health"] = Public("/health"),
        ["* /health/live"] = Public("/health/live"),
        ["GET /admin"] = AdministratorOnly("/admin"),
        ["GET /admin/partnerships"] = AdministratorOnly("/admin/partnerships"),
        ["GET /admin/partnerships/new"] = AdministratorOnly("/admin/partnerships/new"),
        ["POST /admin/partnerships/new"] = AdministratorPosts("/admin/partnerships/new", "Name=Lakeside"),
        ["GET /admin/partnerships/{id:guid}"] = AdministratorOnly("/admin/partnerships/{partnership}"),
        ["GET /admin/partnerships/{id:guid}/edit"] = AdministratorOnly("/admin/partnerships/{partnership}/edit"),
        ["POST /admin/partnerships/{id:guid}/edit"] = AdministratorPosts("/admin/partnerships/{partnership}/edit", "Name=Riverside+Renamed"),
        ["GET /admin/partnerships/{id:guid}/agencies/new"] = AdministratorOnly("/admin/partnerships/{partnership}/agencies/new"),
        ["POST /admin/partnerships/{id:guid}/agencies/new"] = AdministratorPosts("/admin/partnerships/{partnership}/agencies/new", "Name=Police&Sector=Police"),
        ["GET /admin/agencies/{id:guid}/edit"] = AdministratorOnly("/admin/agencies/{agency}/edit"),
        ["GET /admin/agencies/{id:guid}/learning"] = AdministratorOnly("/admin/agencies/{agency}/learning"),
        ["POST /admin/agencies/{id:guid}/edit"] = AdministratorPosts("/admin/agencies/{agency}/edit", "Name=Renamed&Sector=Police"),
        ["GET /admin/agencies/{id:guid}/teams/new"] = AdministratorOnly("/admin/agencies/{agency}/teams/new"),
        ["POST /admin/agencies/{id:guid}/teams/new"] = AdministratorPosts("/admin/agencies/{agency}/teams/new", "Name=Duty"),
        ["GET /admin/teams/{id:guid}/edit"] = AdministratorOnly("/admin/teams/{team}/edit"),
        ["POST /admin/teams/{id:guid}/edit"] = AdministratorPosts("/admin/teams/{team}/edit", "Name=Renamed"),
        ["GET /admin/users"] = AdministratorOnly("/admin/users"),
        ["GET /admin/users/new"] = AdministratorOnly("/admin/users/new"),
        ["POST /admin/users/new"] = AdministratorPosts("/admin/users/new", "Email=new.person%40riverside.example&Name=New+Person&JobRole=SocialWorker&AgencyId={agency}&TeamId={team}"),
        ["GET /admin/users/{id:guid}"] = AdministratorOnly("/admin/users/{author}"),
        ["GET /admin/users/{id:guid}/edit"] = AdministratorOnly("/admin/users/{author}/edit"),
        ["POST /admin/users/{id:guid}/edit"] = AdministratorPosts("/admin/users/{spare}/edit", "Email=pat.spare%40riverside.example&Name=Pat+Renamed&JobRole=SocialWorker&AgencyId={agency}&TeamId={team}"),
        ["POST /admin/users/{id:guid}/deactivate"] = AdministratorPosts("/admin/users/{spare}/deactivate"),
        ["POST /admin/users/{id:guid}/reactivate"] = AdministratorPosts("/admin/users/{spare}/reactivate"),
        ["POST /admin/users/{id:guid}/sign-out-everywhere"] = AdministratorPosts("/admin/users/{author}/sign-out-everywhere"),
        ["GET /admin/users/{id:guid}/erase"] = AdministratorOnly("/admin/users/{spare}/erase"),
        ["POST /admin/users/{id:guid}/erase"] = AdministratorPosts("/admin/users/{spare}/erase", "ConfirmName={spareName}"),
        ["GET /admin/users/{id:guid}/supervisors/new"] = AdministratorOnly("/admin/users/{author}/supervisors/new"),
        ["POST /admin/users/{id:guid}/supervisors/new"] = AdministratorPosts("/admin/users/{spare}/supervisors/new", "SupervisorId={supervisor}&StartsOn={today}"),
        ["POST /admin/supervision/{id:guid}/end"] = AdministratorPosts("/admin/supervision/{relationship}/end"),
        ["GET /admin/users/import"] = AdministratorOnly("/admin/users/import"),
        ["POST /admin/users/import"] = AdministratorPosts("/admin/users/import"),
    };

    /// <summary>Posts that end the asker's own session: sent last, and the asker signs in again after each.</summary>
    private static readonly string[] RunLast = ["POST /account/sign-out", "POST /account/sign-out-everywhere"];

    [Fact]
    public void Every_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var actual = Endpoints.Of(Factory).Select(e => e.Key).ToHashSet();
        var unlisted = actual.Except(Matrix.Keys).Order().ToList();
        var missing = Matrix.Keys.Except(actual).Order().ToList();
        Assert.True(unlisted.Count == 0, $"Endpoints with no row in the access matrix: {string.Join(", ", unlisted)}");
        Assert.True(missing.Count == 0, $"Rows in the access matrix with no endpoint: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_person_gets_the_expected_answer_from_every_page_and_file()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var browsers = await BrowsersAsync(world);
        var wrong = new List<string>();

        foreach (var endpoint in Endpoints.Of(Factory).Where(e => e.Method is "GET" or "*").OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var row = Matrix[endpoint.Key];
            foreach (var principal in Enum.GetValues<Principal>())
            {
                var response = await browsers[principal].Client.GetAsync(world.Fill(row.Url));
                if (!Matches(response, row.For(principal))) wrong.Add($"{endpoint.Key} as {principal}: expected {row.For(principal)}, got {Describe(response)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_person_refused_a_post_gets_the_refusal_and_nothing_is_stored()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var browsers = await BrowsersAsync(world);
        var before = await AccessWorld.SnapshotAsync(Factory);
        var wrong = new List<string>();
        var sent = 0;

        foreach (var endpoint in Endpoints.Of(Factory).Where(e => e.Method == "POST").OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var row = Matrix[endpoint.Key];
            foreach (var principal in Enum.GetValues<Principal>().Where(p => row.For(p) is NotFound or Forbidden or SignIn))
            {
                var response = await PostAsync(browsers[principal], world, row);
                sent++;
                if (!Matches(response, row.For(principal))) wrong.Add($"{endpoint.Key} as {principal}: expected {row.For(principal)}, got {Describe(response)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(sent > 100, $"Only {sent} refused posts were sent");
        Assert.Equal(before, await AccessWorld.SnapshotAsync(Factory));
    }

    [Fact]
    public async Task Every_person_allowed_a_post_reaches_it()
    {
        var wrong = new List<string>();

        // Each person in a world of their own, so one person's post (removing a target, say) is not another's 404.
        foreach (var principal in Enum.GetValues<Principal>())
        {
            await Factory.ResetAsync();
            var world = await AccessWorld.CreateAsync(Factory);
            var browser = await BrowserAsync(world, principal);
            foreach (var endpoint in Endpoints.Of(Factory).Where(e => e.Method == "POST").OrderBy(e => RunLast.Contains(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                var row = Matrix[endpoint.Key];
                if (row.For(principal) is not (Ok or Reached)) continue;
                var response = await PostAsync(browser, world, row);
                if (!Matches(response, row.For(principal))) wrong.Add($"{endpoint.Key} as {principal}: expected {row.For(principal)}, got {Describe(response)}");
                if (RunLast.Contains(endpoint.Key)) browser = await BrowserAsync(world, principal);
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_commissioner_of_another_partnership_gets_nothing_of_this_one_from_any_report_or_certificate_download()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var other = await Factory.SignedInAsync(world.Person(Principal.OtherCommissioner).Email!);
        var own = await Factory.SignedInAsync(world.Person(Principal.Commissioner).Email!);
        var reports = Endpoints.Of(Factory).Where(e => e.Access == Policies.Reporting && e.Method == "GET" && !e.Pattern.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.Contains(reports, e => e.Pattern == "/certificates/download.zip");
        var p1 = world.P1;
        string[] queries =
        [
            $"?partnership={p1.Partnership.Id}",
            $"?agency={p1.Agency.Id}",
            $"?partnership={p1.Partnership.Id}&agency={p1.Agency.Id}",
            $"?partnership={world.P2.Partnership.Id}&agency={p1.Agency.Id}",
            $"?agency={p1.Agency.Id.ToString().ToUpperInvariant()}",
        ];
        string[] secrets = [p1.Partnership.Name, p1.Agency.Name, world.Person(Principal.Author).DisplayName, p1.Partnership.Id.ToString(), p1.Agency.Id.ToString()];

        foreach (var endpoint in reports)
        {
            foreach (var query in queries)
            {
                var url = endpoint.Pattern + query + RequiredFilters();
                var response = await other.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                // Every endpoint that takes an agency refuses P1's as not found. The download form takes no filters (it
                // offers the person's own agencies), and the ZIP asks for an agency when given only a partnership.
                var takesAgency = query.Contains("agency=", StringComparison.Ordinal) && endpoint.Pattern != "/certificates/download";
                Assert.True(takesAgency ? response.StatusCode == HttpStatusCode.NotFound : response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK or HttpStatusCode.BadRequest,
                    $"{url} as the other partnership's commissioner: {(int)response.StatusCode}");
                foreach (var secret in secrets) Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
            }
            // The same address with P1's agency reaches P1's own commissioner, so the refusal above is about who asks.
            var ownUrl = endpoint.Pattern + $"?agency={p1.Agency.Id}" + RequiredFilters();
            var ownResponse = await own.GetAsync(ownUrl);
            Assert.True(ownResponse.IsSuccessStatusCode, $"{ownUrl} as P1's commissioner: {(int)ownResponse.StatusCode}");
        }

        // With no filter, each commissioner sees their own partnership, never the other.
        foreach (var endpoint in reports.Where(e => e.Pattern is "/reports/uptake" or "/reports/uptake.csv" or "/reports/targets" or "/certificates/download"))
        {
            var body = await other.GetPageAsync(endpoint.Pattern);
            foreach (var secret in secrets) Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_supervisor_reading_a_log_is_audited_and_the_author_reading_their_own_is_not()
    {
        var world = await AccessWorld.CreateAsync(Factory);
        var url = $"/reflections/{world.LogId}";
        var author = await Factory.SignedInAsync(world.Person(Principal.Author).Email!);
        var supervisor = await Factory.SignedInAsync(world.Person(Principal.Supervisor).Email!);

        Assert.Contains(AccessWorld.Phrase, await author.GetPageAsync(url));
        Assert.Empty(await ReadsAsync());

        Assert.Contains(AccessWorld.Phrase, await supervisor.GetPageAsync(url));
        var read = Assert.Single(await ReadsAsync());
        Assert.Equal((world.Person(Principal.Supervisor).Id, world.LogId, world.Person(Principal.Author).Id), (read.ActorId, read.SubjectId, read.OwnerId));

        // Someone refused the log leaves no read in the trail.
        await (await Factory.SignedInAsync(world.Person(Principal.Former).Email!)).GetPageAsync(url, HttpStatusCode.NotFound);
        Assert.Single(await ReadsAsync());
    }

    /// <summary>The filters an endpoint needs before it looks at the agency: a module for scenario choices, a period for the ZIP.</summary>
    private static string RequiredFilters()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return $"&module={AccessWorld.ModuleId}&from={today.AddYears(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
    }

    private Task<List<AuditEntry>> ReadsAsync() =>
        Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.LogRead).ToListAsync());

    private sealed record SignedInBrowser(HttpClient Client, string Token);

    private async Task<Dictionary<Principal, SignedInBrowser>> BrowsersAsync(AccessWorld world)
    {
        var browsers = new Dictionary<Principal, SignedInBrowser>();
        foreach (var principal in world.People.Keys) browsers[principal] = await BrowserAsync(world, principal);
        return browsers;
    }

    private async Task<SignedInBrowser> BrowserAsync(AccessWorld world, Principal principal)
    {
        var person = world.People[principal];
        var client = person is null ? Factory.CreateBrowser() : await Factory.SignedInAsync(person.Email!);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(person is null ? "/account/sign-in" : "/account/change-password"));
        return new SignedInBrowser(client, token);
    }

    private static Task<HttpResponseMessage> PostAsync(SignedInBrowser browser, AccessWorld world, Row row)
    {
        var fields = world.Fill(row.Form).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(WebUtility.UrlDecode(pair[0]), WebUtility.UrlDecode(pair.ElementAtOrDefault(1) ?? "")));
        return browser.Client.PostWithTokenAsync(world.Fill(row.Url), browser.Token, fields);
    }

    private static bool IsSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true;

    private static bool Matches(HttpResponseMessage response, Answer expected)
    {
        var status = (int)response.StatusCode;
        return expected switch
        {
            Ok => status is >= 200 and < 300 || (status is >= 300 and < 400 && !IsSignIn(response)),
            Reached => status is not (403 or 404) && status < 500 && !IsSignIn(response),
            NotFound => status == 404,
            Forbidden => status == 403,
            SignIn => IsSignIn(response),
            ErrorPage => status == 500,
            _ => false,
        };
    }

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " to " + location : "")}";
}

public sealed class AccessMatrixTestsOnSqlite(SqliteAppFactory factory) : AccessMatrixTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class AccessMatrixTestsOnPostgres(PostgresAppFactory factory) : AccessMatrixTests(factory), IClassFixture<PostgresAppFactory>;
