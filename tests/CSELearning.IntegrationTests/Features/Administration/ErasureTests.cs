using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Notifications;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Administration.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Administration;

/// <summary>
/// An administrator erases a person's personal data: name, email and password go, their logs and supervision
/// records are deleted, their certificates say "revoked: record erased" with no name, the account is closed
/// for good, and report figures do not change. The erasure is audited by id, never by name.
/// </summary>
public abstract class ErasureTests(AppFactory factory) : AdministrationTest(factory)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Cast(HttpClient Admin, User AdminUser, User Supervisor, User Learner, User Peer, Certificate Certificate, Guid Log, Guid PeerLog, Guid Record, TestData.Organisation Org);

    /// <summary>
    /// A learner (to be erased) with a shared, commented log, a record of their supervision that discussed it, and a
    /// certificate; four colleagues who completed the same module, so the trend report shows a figure of five; and a
    /// peer with a log of their own that must survive.
    /// </summary>
    private async Task<Cast> CastAsync()
    {
        var (admin, adminUser) = await SignInAsAdministratorAsync();
        var org = await Factory.CreateOrganisationAsync();
        var supervisor = await Factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var learner = await Factory.CreateUserAsync("erin.erased@riverside.example", org, Roles.Learner);
        var peer = await Factory.CreateUserAsync("pat.peer@riverside.example", org, Roles.Learner);
        await Factory.SuperviseAsync(supervisor, learner, Today.AddMonths(-2));
        await Factory.SuperviseAsync(supervisor, peer, Today.AddMonths(-2));
        var completedAt = DateTime.UtcNow.AddMinutes(-30);
        var certificate = (await Factory.IssueCertificatesAsync(learner, completedAt))[0];
        foreach (var i in Enumerable.Range(1, 4))
            await Factory.IssueCertificatesAsync(await Factory.CreateUserAsync($"colleague.{i}@riverside.example", org, Roles.Learner), completedAt);
        var log = await Factory.LogAsync(learner, TestLogs.Text("Erin-title", "Erin-secret"), supervisor: supervisor, comment: "Comment-on-Erin", signOff: true);
        var peerLog = await Factory.LogAsync(peer, TestLogs.Text("Pat-title", "Pat-secret"), supervisor: supervisor, comment: "Comment-on-Pat");
        var record = await Factory.WithDbAsync(async db =>
        {
            var protector = Factory.Services.GetRequiredService<ITextProtector>();
            var now = DateTime.UtcNow.AddHours(-1);
            var first = SupervisionRecord.Start(supervisor.Id, learner.Id, [],
                new SessionDetails(Today.AddDays(-20), null, new SessionNotes("Both", "Caseload", "Erin-discussion", "Erin-wellbeing", "Carry on"), [log],
                    [new(null, null, "Erin-action", ActionOwner.Supervisee, null, ActionStatus.Open)]), protector, now);
            first.SignAsSupervisor(supervisor.Id, 1, protector, now);
            db.SupervisionRecords.Add(first);
            db.SupervisionComments.Add(first.AddComment(learner.Id, "Erin-comment", protector, now));
            await db.SaveChangesAsync();
            // The next record carries the open action forward: a chain the erasure must take apart.
            var second = SupervisionRecord.Start(supervisor.Id, learner.Id, [first],
                new SessionDetails(Today.AddDays(-1), null, new SessionNotes("Both", "", "Erin-second", "Fine", ""), [], []), protector, now.AddMinutes(5));
            db.SupervisionRecords.Add(second);
            await db.SaveChangesAsync();
            return first.Id;
        });
        return new Cast(admin, adminUser, supervisor, learner, peer, certificate, log, peerLog, record, org);
    }

    private static string EraseUrl(User user) => $"/admin/users/{user.Id}/erase";

    [Fact]
    public async Task Erasing_removes_the_personal_data_keeps_the_figures_and_audits_it_by_id()
    {
        var cast = await CastAsync();
        var commissioner = await Factory.CreateUserAsync("cam.commissioner@riverside.example", cast.Org, Roles.Commissioner);
        var reports = await Factory.SignedInAsync(commissioner.Email!);
        var trendsBefore = await reports.GetPageAsync("/reports/trends.csv");
        Assert.Contains(",5", trendsBefore);
        var learnerSession = await Factory.SignedInAsync(cast.Learner.Email!);

        var details = await cast.Admin.GetPageAsync($"/admin/users/{cast.Learner.Id}");
        Assert.Contains($"href=\"{EraseUrl(cast.Learner)}\"", details);
        var form = await cast.Admin.GetPageAsync(EraseUrl(cast.Learner));
        Assert.Contains("Erin Erased", form);
        var response = await cast.Admin.PostFormAsync(EraseUrl(cast.Learner), [new("ConfirmName", " erin erased ")]);
        AssertRedirect(response, $"/admin/users/{cast.Learner.Id}");

        await Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == cast.Learner.Id);
            Assert.Equal(User.ErasedName, user.DisplayName);
            Assert.DoesNotContain("erin", user.Email!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("erin", user.NormalizedUserName!, StringComparison.OrdinalIgnoreCase);
            Assert.Null(user.PasswordHash);
            Assert.NotEqual(cast.Learner.SecurityStamp, user.SecurityStamp);
            Assert.False(user.IsActive);
            Assert.NotNull(user.ErasedAt);
            Assert.Equal(cast.Org.Agency.Id, user.AgencyId);
            Assert.Equal(JobRole.SocialWorker, user.JobRole);

            Assert.False(await db.ReflectiveLogs.AnyAsync(l => l.AuthorId == cast.Learner.Id));
            Assert.False(await db.ReviewComments.AnyAsync(c => c.LogId == cast.Log));
            Assert.False(await db.LogShares.AnyAsync(s => s.LogId == cast.Log));
            Assert.False(await db.SupervisionRecords.AnyAsync(r => r.SuperviseeId == cast.Learner.Id));
            Assert.Equal(0, await db.SupervisionComments.CountAsync());
            Assert.Equal(0, await db.SupervisionActions.CountAsync());
            Assert.Equal(0, await db.DiscussedLogs.CountAsync());
            // Someone else's log, and the same supervisor's comment on it, stay.
            Assert.True(await db.ReflectiveLogs.AnyAsync(l => l.Id == cast.PeerLog));
            Assert.Equal(1, await db.ReviewComments.CountAsync());
            // What they completed stays, for the reports.
            Assert.Equal(1, await db.ModuleCompletions.CountAsync(c => c.UserId == cast.Learner.Id));
            Assert.Equal(1, await db.ModuleProgress.CountAsync(p => p.UserId == cast.Learner.Id));

            var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == cast.Certificate.Id);
            Assert.True(certificate.IsRevoked);
            Assert.Equal(Certificate.ErasedReason, certificate.RevocationReason);
            Assert.Equal("", certificate.LearnerName);

            var relationship = await db.SupervisionRelationships.AsNoTracking().SingleAsync(s => s.SuperviseeId == cast.Learner.Id);
            Assert.Equal(Today, relationship.EndsOn);

            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.AccountErased);
            Assert.Equal(cast.AdminUser.Id, audit.ActorId);
            Assert.Equal(cast.Learner.Id, audit.SubjectId);
            Assert.Null(audit.Detail);
        });

        Assert.Equal(trendsBefore, await reports.GetPageAsync("/reports/trends.csv"));

        var verify = await Factory.CreateBrowser().GetPageAsync($"/verify/{cast.Certificate.VerificationCode}");
        Assert.Contains("revoked: record erased", verify);
        Assert.DoesNotContain("Erin", verify);

        // Signed out within a minute, and unable to sign in again by either address.
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = await learnerSession.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery);
        var signIn = await Factory.CreateBrowser().SignInAsync(cast.Learner.Email!);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var page = await cast.Admin.GetPageAsync($"/admin/users/{cast.Learner.Id}");
        Assert.Contains("Erased</strong>", page);
        Assert.DoesNotContain("Erin", page);
        Assert.DoesNotContain("/reactivate\"", page);
        Assert.DoesNotContain("/erase\"", page);
        Assert.Contains("Erased</strong>", await cast.Admin.GetPageAsync("/admin/users"));
        Assert.DoesNotContain("Erin Erased", await cast.Admin.GetPageAsync("/admin/users"));
    }

    [Theory]
    [InlineData("reply")]
    [InlineData("form draft")]
    [InlineData("kept draft")]
    [InlineData("notification")]
    [InlineData("email preference")]
    [InlineData("email")]
    public async Task Erasing_leaves_no_row_of_each_kind_for_the_person_and_touches_no_one_elses(string kind)
    {
        var cast = await CastAsync();
        var erins = await Factory.SeedPersonalRecordsAsync(cast.Learner, cast.Supervisor, "Erin", NotificationKind.RefreshOverdue);
        var pats = await Factory.SeedPersonalRecordsAsync(cast.Peer, cast.Supervisor, "Pat", NotificationKind.RefreshOverdue);
        // The supervisor's unsent comments: on the erased person's log, and on the peer's.
        await Factory.ReviewDraftAsync(cast.Supervisor, erins.Log, "Draft-on-Erin");
        await Factory.ReviewDraftAsync(cast.Supervisor, pats.Log, "Draft-on-Pat");
        // And one of the erased person's own on someone else's log, as they would have as a supervisor.
        await Factory.ReviewDraftAsync(cast.Learner, pats.Log, "Erin-on-Pat");
        // The supervisor's reminders of supervision due with each of them, which name them.
        await Factory.WithDbAsync(async db =>
        {
            foreach (var person in new[] { cast.Learner, cast.Peer })
                db.Notifications.Add(new Notification(cast.Supervisor.Id, NotificationKind.SupervisionDue, person.Id.ToString("D"), Today,
                    $"Supervision with {person.DisplayName} is due by today.", $"/supervision/records/new?supervisee={person.Id:D}", DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        Func<AppDbContext, Guid, Task<int>> count = kind switch
        {
            "reply" => (db, id) => db.CommentReplies.CountAsync(r => r.AuthorId == id),
            "form draft" => (db, id) => db.FormDrafts.CountAsync(d => d.OwnerId == id),
            "kept draft" => (db, id) => db.KeptDrafts.CountAsync(d => d.UserId == id),
            "notification" => (db, id) => db.Notifications.CountAsync(n => n.UserId == id),
            "email preference" => (db, id) => db.NotificationOptOuts.CountAsync(o => o.UserId == id),
            // Sent or waiting, each holds the address.
            "email" => (db, id) => db.OutboxMessages.CountAsync(m => m.UserId == id),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var before = await Factory.WithDbAsync(async db => (Erin: await count(db, cast.Learner.Id), Pat: await count(db, cast.Peer.Id)));
        Assert.True(before.Erin > 0);

        AssertRedirect(await cast.Admin.PostFormAsync(EraseUrl(cast.Learner), [new("ConfirmName", "Erin Erased")]), $"/admin/users/{cast.Learner.Id}");

        await Factory.WithDbAsync(async db =>
        {
            Assert.Equal(0, await count(db, cast.Learner.Id));
            Assert.Equal(before.Pat, await count(db, cast.Peer.Id));
            switch (kind)
            {
                case "form draft":
                    // Drafts about the erased person's log go with it; the same supervisor's draft on the peer's log stays.
                    Assert.False(await db.FormDrafts.AnyAsync(d => d.LogId == erins.Log));
                    Assert.Equal(1, await db.FormDrafts.CountAsync(d => d.OwnerId == cast.Supervisor.Id && d.LogId == pats.Log));
                    break;
                case "reply":
                    Assert.False(await db.CommentReplies.AnyAsync(r => r.LogId == erins.Log));
                    break;
                case "email":
                    Assert.False(await db.OutboxMessages.AnyAsync(m => m.To == "erin.erased@riverside.example"));
                    break;
                case "notification":
                    // No one keeps a notification with the erased person's name; the peer's stays.
                    Assert.False(await db.Notifications.AnyAsync(n => n.Text.Contains("Erin")));
                    Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == cast.Supervisor.Id && n.ItemId == cast.Peer.Id.ToString()));
                    break;
            }
        });
    }

    [Fact]
    public async Task An_erased_account_cannot_be_reactivated_edited_or_erased_again()
    {
        var cast = await CastAsync();
        await cast.Admin.PostFormAsync(EraseUrl(cast.Learner), [new("ConfirmName", "Erin Erased")]);
        var detailsUrl = $"/admin/users/{cast.Learner.Id}";

        await AssertRefusedAsync(cast.Admin, $"{detailsUrl}/reactivate", [], Reactivate.ErasedMessage, formUrl: detailsUrl, crafted: true);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.Admin.GetAsync($"{detailsUrl}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.Admin.GetAsync(EraseUrl(cast.Learner))).StatusCode);
    }

    [Fact]
    public async Task Erasure_is_refused_without_the_name_typed_and_for_ones_own_account()
    {
        var cast = await CastAsync();
        await AssertRefusedAsync(cast.Admin, EraseUrl(cast.Learner), [new("ConfirmName", "Pat Peer")], Erase.NameMismatchMessage);
        await AssertRefusedAsync(cast.Admin, EraseUrl(cast.Learner), [], Erase.NameMismatchMessage);
        Assert.True(await Factory.WithDbAsync(db => db.ReflectiveLogs.AnyAsync(l => l.Id == cast.Log)));

        var own = await cast.Admin.GetPageAsync(EraseUrl(cast.AdminUser));
        Assert.Contains(Html(Erase.OwnAccountMessage), own);
        await AssertRefusedAsync(cast.Admin, EraseUrl(cast.AdminUser), [new("ConfirmName", cast.AdminUser.DisplayName)], Erase.OwnAccountMessage,
            formUrl: EraseUrl(cast.AdminUser), crafted: true);
        Assert.DoesNotContain($"href=\"{EraseUrl(cast.AdminUser)}\"", await cast.Admin.GetPageAsync($"/admin/users/{cast.AdminUser.Id}"));
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Commissioner)]
    public async Task Only_administrators_may_erase(string role)
    {
        var cast = await CastAsync();
        var person = await Factory.CreateUserAsync($"{role.ToLowerInvariant()}.someone@riverside.example", cast.Org, role);
        var client = await Factory.SignedInAsync(person.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(EraseUrl(cast.Learner))).StatusCode);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync("/account/change-password"));
        var post = await client.PostWithTokenAsync(EraseUrl(cast.Learner), token, [new("ConfirmName", "Erin Erased")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateBrowser().GetAsync(EraseUrl(cast.Learner))).StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == cast.Learner.Id && u.ErasedAt == null)));
    }
}

public sealed class ErasureTestsOnSqlite(SqliteAppFactory factory) : ErasureTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class ErasureTestsOnPostgres(PostgresAppFactory factory) : ErasureTests(factory), IClassFixture<PostgresAppFactory>;
