using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>Base for administration tests: a signed-in administrator and a way to prove a refused form changed nothing.</summary>
public abstract class AdministrationTest(AppFactory factory) : IntegrationTest(factory)
{
    protected const string AdminEmail = "alex.admin@platform.example";

    /// <summary>Creates the administrator account and a browser signed in with it.</summary>
    protected async Task<(HttpClient Browser, User Admin)> SignInAsAdministratorAsync()
    {
        var admin = await Factory.CreateUserAsync(AdminEmail, null, Roles.Administrator);
        return (await Factory.SignedInAsync(AdminEmail), admin);
    }

    /// <summary>
    /// Everything administration can change, serialised: organisations, accounts (stamps included), roles and
    /// supervision, and certificates' revocations. Two equal snapshots mean nothing changed.
    /// </summary>
    protected Task<string> SnapshotAsync() => Factory.WithDbAsync(async db =>
    {
        var state = new
        {
            Partnerships = (await db.Partnerships.AsNoTracking().Select(p => new { p.Id, p.Name, p.CreatedAt }).ToListAsync()).OrderBy(p => p.Id),
            Agencies = (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.PartnershipId, a.Name, a.Sector, a.IsActive }).ToListAsync()).OrderBy(a => a.Id),
            Teams = (await db.Teams.AsNoTracking().Select(t => new { t.Id, t.AgencyId, t.Name, t.IsActive }).ToListAsync()).OrderBy(t => t.Id),
            Users = (await db.Users.AsNoTracking().Select(u => new
            {
                u.Id, u.Email, u.NormalizedEmail, u.UserName, u.DisplayName, u.JobRole, u.AgencyId, u.TeamId, u.IsActive,
                u.DeactivatedAt, u.SecurityStamp, u.ConcurrencyStamp, u.PasswordHash,
            }).ToListAsync()).OrderBy(u => u.Id),
            UserRoles = (await db.UserRoles.AsNoTracking().ToListAsync()).Select(ur => $"{ur.UserId}:{ur.RoleId}").Order(),
            Certificates = (await db.Certificates.AsNoTracking().Select(c => new { c.Id, c.RevokedAt, c.RevokedById, c.RevocationReason }).ToListAsync()).OrderBy(c => c.Id),
            Supervision = (await db.SupervisionRelationships.AsNoTracking().Select(s => new { s.Id, s.SupervisorId, s.SuperviseeId, s.StartsOn, s.EndsOn }).ToListAsync()).OrderBy(s => s.Id),
        };
        return JsonSerializer.Serialize(state);
    });

    /// <summary>Posts a form that should be refused: the page comes back with the message and the database is as it was.</summary>
    /// <param name="crafted">The page offers no such form (a post a browser would not make from it): send it with the page's token.</param>
    protected async Task AssertRefusedAsync(HttpClient browser, string url, IEnumerable<KeyValuePair<string, string>> fields, string message, string? formUrl = null, bool crafted = false)
    {
        var before = await SnapshotAsync();
        var response = crafted
            ? await browser.PostWithTokenAsync(url, Browser.AntiforgeryToken(await browser.GetPageAsync(formUrl ?? url)), fields)
            : await browser.PostFormAsync(formUrl ?? url, url, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: expected the form back (200), got {(int)response.StatusCode}\n{Browser.Excerpt(body)}");
        Assert.Contains("There is a problem", body);
        Assert.Contains(Html(message), body);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Text as Razor writes it into a page.</summary>
    protected static string Html(string text) => HtmlEncoder.Default.Encode(text);

    protected static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {location}, got {(int)response.StatusCode}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }
}
