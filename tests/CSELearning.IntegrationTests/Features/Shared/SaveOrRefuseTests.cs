using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Shared;

/// <summary>
/// The one path the handlers save by: the change saved; or, when the domain refuses it or another request saved
/// first, nothing saved, nothing left tracked for a later save to write, and the refusal saying why.
/// </summary>
public abstract class SaveOrRefuseTests(AppFactory factory) : IntegrationTest(factory)
{
    private ITextProtector Protector => Factory.Services.GetRequiredService<ITextProtector>();

    private async Task<(Guid AuthorId, Guid LogId)> DraftAsync()
    {
        var author = await Factory.CreateUserAsync("ash.author@riverside.example", await Factory.CreateOrganisationAsync(), Roles.Learner);
        return (author.Id, await Factory.LogAsync(author, TestLogs.Text("As written", "first")));
    }

    private Task<string> StoredTitleAsync(Guid id) =>
        Factory.WithDbAsync(async db => (await db.ReflectiveLogs.AsNoTracking().SingleAsync(l => l.Id == id)).Read(Protector).Title);

    [Fact]
    public async Task A_change_the_domain_accepts_is_saved()
    {
        var (authorId, id) = await DraftAsync();

        var refused = await Factory.WithDbAsync(async db =>
        {
            var log = await db.ReflectiveLogs.SingleAsync(l => l.Id == id);
            return await db.SaveOrRefuseAsync(() => log.Save(authorId, TestLogs.Text("Saved", "second"), log.Version, Protector, DateTime.UtcNow), CancellationToken.None);
        });

        Assert.Null(refused);
        Assert.Equal("Saved", await StoredTitleAsync(id));
    }

    [Fact]
    public async Task A_change_the_domain_refuses_leaves_nothing_tracked_and_says_why()
    {
        var (authorId, id) = await DraftAsync();

        var (refused, tracked) = await Factory.WithDbAsync(async db =>
        {
            var log = await db.ReflectiveLogs.SingleAsync(l => l.Id == id);
            var refused = await db.SaveOrRefuseAsync(() =>
            {
                db.LogShares.Add(new LogShare(log.Id, authorId, DateTime.UtcNow));
                log.SignOff(authorId, log.Version, DateTime.UtcNow);
            }, CancellationToken.None);
            return (refused, db.ChangeTracker.Entries().Count());
        });

        Assert.Equal(new SaveRefusal("Only a log awaiting review can be signed off.", Conflict: false), refused);
        Assert.Equal(StatusCodes.Status400BadRequest, refused!.StatusCode);
        Assert.Equal(0, tracked);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.LogShares.CountAsync()));
    }

    [Fact]
    public async Task A_change_made_against_an_old_version_is_refused_as_a_conflict_with_the_domain_s_words()
    {
        var (authorId, id) = await DraftAsync();

        var refused = await Factory.WithDbAsync(async db =>
        {
            var log = await db.ReflectiveLogs.SingleAsync(l => l.Id == id);
            return await db.SaveOrRefuseAsync(() => log.Save(authorId, TestLogs.Text("Stale", "second"), log.Version - 1, Protector, DateTime.UtcNow), CancellationToken.None);
        });

        Assert.Equal(new SaveRefusal("This log has changed since you opened it (perhaps in another tab, or by your supervisor), so your changes were not saved.", Conflict: true), refused);
        Assert.Equal(StatusCodes.Status409Conflict, refused!.StatusCode);
        Assert.Equal("As written", await StoredTitleAsync(id));
    }

    [Fact]
    public async Task A_save_that_another_request_beat_is_refused_as_a_conflict_and_leaves_nothing_tracked()
    {
        var (authorId, id) = await DraftAsync();

        var (refused, tracked) = await Factory.WithDbAsync(async db =>
        {
            var log = await db.ReflectiveLogs.SingleAsync(l => l.Id == id);
            // Another request saves the same version first, between this one's read and its save.
            await Factory.WithDbAsync(async other =>
            {
                var same = await other.ReflectiveLogs.SingleAsync(l => l.Id == id);
                same.Save(authorId, TestLogs.Text("Theirs", "other"), same.Version, Protector, DateTime.UtcNow);
                await other.SaveChangesAsync();
            });
            var refused = await db.SaveOrRefuseAsync(() => log.Save(authorId, TestLogs.Text("Mine", "second"), log.Version, Protector, DateTime.UtcNow), CancellationToken.None);
            return (refused, db.ChangeTracker.Entries().Count());
        });

        Assert.Equal(new SaveRefusal(null, Conflict: true), refused);
        Assert.Equal(0, tracked);
        Assert.Equal("Theirs", await StoredTitleAsync(id));
    }

    [Fact]
    public async Task A_row_another_request_inserted_with_the_same_key_is_a_conflict_only_when_the_caller_says_so()
    {
        var (authorId, _) = await DraftAsync();
        var log = new ReflectiveLog(authorId, TestLogs.Text("Doubled", "first"), Protector, DateTime.UtcNow);
        await Factory.WithDbAsync(async db =>
        {
            db.ReflectiveLogs.Add(log);
            await db.SaveChangesAsync();
        });

        var (refused, tracked) = await Factory.WithDbAsync(async db =>
        {
            var refused = await db.SaveOrRefuseAsync(() => db.ReflectiveLogs.Add(log), CancellationToken.None, duplicateKeyIsConflict: true);
            return (refused, db.ChangeTracker.Entries().Count());
        });
        Assert.Equal(new SaveRefusal(null, Conflict: true), refused);
        Assert.Equal(0, tracked);

        // Anywhere else a duplicate key is a fault, not a lost race: it is not turned into a refusal.
        await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithDbAsync(db => db.SaveOrRefuseAsync(() => db.ReflectiveLogs.Add(log), CancellationToken.None)));
    }
}

public sealed class SaveOrRefuseTestsOnSqlite(SqliteAppFactory factory) : SaveOrRefuseTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class SaveOrRefuseTestsOnPostgres(PostgresAppFactory factory) : SaveOrRefuseTests(factory), IClassFixture<PostgresAppFactory>;
