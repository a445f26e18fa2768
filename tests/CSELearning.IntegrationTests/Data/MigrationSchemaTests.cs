using System.Collections.Concurrent;
using System.Reflection;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.IntegrationTests.Data;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF Core model describes, whether a database
/// takes them all at once or a few at a time. The model's own schema is what EnsureCreated builds from it; the
/// two databases are read back and compared line by line.
/// </summary>
public abstract class MigrationSchemaTests
{
    protected abstract Task<(AppDbContext Context, Func<Task<IReadOnlyList<string>>> ReadSchema, Func<Task> Drop)> NewDatabaseAsync();

    [Fact]
    public async Task A_freshly_migrated_database_has_exactly_the_schema_of_the_model()
    {
        var migrated = await NewDatabaseAsync();
        try
        {
            await migrated.Context.Database.MigrateAsync();

            await AssertHasTheSchemaOfTheModelAsync(migrated.Context, await migrated.ReadSchema());
        }
        finally
        {
            await migrated.Drop();
        }
    }

    public static TheoryData<string> Migrations => new(typeof(AppDbContext).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).OfType<string>().Order(StringComparer.Ordinal));

    private const string LearnerProgressStep = "20261121150000_LearnerProgress";
    private const string ReportTablesStep = "20261125090000_ReportTables";

    /// <summary>
    /// A database migrated step by step, as a site that took each release was, must end as one migrated from
    /// scratch does. One stopped before the reporting tables holds a learner's module by then, which the
    /// migrations after must carry into the reporting tables.
    /// </summary>
    [Theory]
    [MemberData(nameof(Migrations))]
    public async Task A_database_migrated_to_any_step_and_then_on_has_exactly_the_schema_of_the_model(string step)
    {
        var migrated = await NewDatabaseAsync();
        try
        {
            await migrated.Context.GetService<IMigrator>().MigrateAsync(step);
            var holdsLearning = string.CompareOrdinal(step, LearnerProgressStep) >= 0 && string.CompareOrdinal(step, ReportTablesStep) < 0;
            if (holdsLearning) await AddLearnerWithACompletedModuleAsync(migrated.Context);

            await migrated.Context.Database.MigrateAsync();

            await AssertHasTheSchemaOfTheModelAsync(migrated.Context, await migrated.ReadSchema());
            if (holdsLearning) await AssertTheReportingTablesCountTheLearnerAsync(migrated.Context);
        }
        finally
        {
            await migrated.Drop();
        }
    }

    private async Task AssertHasTheSchemaOfTheModelAsync(AppDbContext context, IReadOnlyList<string> fromMigrations)
    {
        var fromModel = await ModelSchemaAsync();

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
        var modelTables = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order().ToList();
        var tables = fromMigrations.Where(l => l.StartsWith("table ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).Order().ToList();
        Assert.Equal(modelTables, tables);
    }

    private static readonly ConcurrentDictionary<Type, Task<IReadOnlyList<string>>> ModelSchemas = new();

    /// <summary>The schema EnsureCreated builds from the model in an empty database, built once for each kind of database.</summary>
    private Task<IReadOnlyList<string>> ModelSchemaAsync() => ModelSchemas.GetOrAdd(GetType(), async _ =>
    {
        var created = await NewDatabaseAsync();
        try
        {
            await created.Context.Database.EnsureCreatedAsync();
            return await created.ReadSchema();
        }
        finally
        {
            await created.Drop();
        }
    });

    private static readonly Guid Partnership = Guid.NewGuid(), Agency = Guid.NewGuid(), Learner = Guid.NewGuid(), Progress = Guid.NewGuid();
    private static readonly DateTime StartedAt = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc), CompletedAt = new(2026, 3, 14, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// In SQL, naming only columns that every step from the learning records up to the reporting tables has: the
    /// model describes the latest schema, not the one at the step.
    /// </summary>
    private static async Task AddLearnerWithACompletedModuleAsync(AppDbContext db)
    {
        var role = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Partnerships" ("Id", "Name", "CreatedAt") VALUES ({Partnership}, 'Northshire', {StartedAt})""");
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Agencies" ("Id", "PartnershipId", "Name", "Sector", "IsActive") VALUES ({Agency}, {Partnership}, 'North', 'Police', {true})""");
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ({role}, 'Learner', 'LEARNER')""");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "JobRole", "AgencyId", "IsActive", "CreatedAt", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ({Learner}, 'Sam', 'Police', {Agency}, {true}, {StartedAt}, {true}, {false}, {false}, {true}, {0})
            """);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ({Learner}, {role})""");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ModuleProgress" ("Id", "UserId", "ModuleId", "Number", "StartedVersion", "StartedContentHash", "StartedAt", "LastActivityAt", "ActiveSeconds", "CompletedAt")
            VALUES ({Progress}, {Learner}, 'grooming', {1}, '1.0', 'hash', {StartedAt}, {CompletedAt}, {754}, {CompletedAt})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ScenarioDecisions" ("Id", "ProgressId", "UserId", "ModuleId", "ModuleVersion", "ScenarioId", "Playthrough", "Step", "NodeId", "ChoiceNumber", "TargetNodeId", "MadeAt")
            VALUES ({Guid.NewGuid()}, {Progress}, {Learner}, 'grooming', '1.0', 'first-contact', {1}, {1}, 'start', {2}, 'next', {StartedAt})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ModuleCompletions" ("Id", "ProgressId", "UserId", "ModuleId", "ModuleVersion", "ContentHash", "ScorePercent", "TimeSpentSeconds", "CompletedAt")
            VALUES ({Guid.NewGuid()}, {Progress}, {Learner}, 'grooming', '1.0', 'hash', {90}, {754}, {CompletedAt})
            """);
    }

    private static async Task AssertTheReportingTablesCountTheLearnerAsync(AppDbContext db)
    {
        var uptake = await db.UptakeRows.AsNoTracking().OrderBy(r => r.ModuleId)
            .Select(r => new { r.UserId, r.ModuleId, r.AgencyId, r.FirstStartedAt, r.CompletedAt, r.CompletedVersion, r.CompletedMinutes }).ToListAsync();
        Assert.Equal(
            [
                new { UserId = Learner, ModuleId = "", AgencyId = Agency, FirstStartedAt = (DateTime?)null, CompletedAt = (DateTime?)null,
                    CompletedVersion = (string?)null, CompletedMinutes = (int?)null },
                new { UserId = Learner, ModuleId = "grooming", AgencyId = Agency, FirstStartedAt = (DateTime?)StartedAt, CompletedAt = (DateTime?)CompletedAt,
                    CompletedVersion = (string?)"1.0", CompletedMinutes = (int?)12 },
            ],
            uptake);
        var people = await db.UptakeCounts.AsNoTracking().OrderBy(c => c.ModuleId).Select(c => new { c.ModuleId, c.CompletedVersion, c.People }).ToListAsync();
        Assert.Equal([new { ModuleId = "", CompletedVersion = "", People = 1 }, new { ModuleId = "grooming", CompletedVersion = "1.0", People = 1 }], people);
        var minutes = await db.LearningTimeCounts.AsNoTracking().Select(c => new { c.ModuleId, c.Minutes, c.People }).ToListAsync();
        Assert.Equal([new { ModuleId = "grooming", Minutes = 12, People = 1 }], minutes);
        // The choice counted at its decision point (0) and for its option, for the agency and job role and for the partnership.
        var choices = await db.ChoiceCounts.AsNoTracking().OrderBy(c => c.JobRole).ThenBy(c => c.ChoiceNumber)
            .Select(c => new { c.JobRole, c.ChoiceNumber, c.Day, c.People }).ToListAsync();
        var day = new DateOnly(2026, 3, 14);
        Assert.Equal(
            [new { JobRole = "", ChoiceNumber = 0, Day = day, People = 1 }, new { JobRole = "", ChoiceNumber = 2, Day = day, People = 1 },
             new { JobRole = "Police", ChoiceNumber = 0, Day = day, People = 1 }, new { JobRole = "Police", ChoiceNumber = 2, Day = day, People = 1 }],
            choices);
        var completions = await db.CompletionCounts.AsNoTracking().Select(c => new { c.AgencyId, c.ModuleId, c.Month, c.Completions }).ToListAsync();
        Assert.Equal([new { AgencyId = Agency, ModuleId = "grooming", Month = new DateOnly(2026, 3, 1), Completions = 1 }], completions);
    }

    private const string CpdHoursAwardedStep = "20261207100000_CpdHoursAwarded";

    /// <summary>
    /// Completions recorded before CPD hours were kept with them earned the module's hours: one with a
    /// certificate keeps the hours the certificate states; one from before certificates has nothing to copy
    /// and stays empty, read as the module's hours as published.
    /// </summary>
    [Fact]
    public async Task Completions_recorded_before_cpd_hours_were_kept_take_the_hours_their_certificate_states()
    {
        var migrated = await NewDatabaseAsync();
        try
        {
            var steps = migrated.Context.Database.GetMigrations().ToList();
            await migrated.Context.GetService<IMigrator>().MigrateAsync(steps[steps.IndexOf(CpdHoursAwardedStep) - 1]);
            await AddLearnerWithACompletedModuleAsync(migrated.Context);
            await AddCertifiedCompletionAsync(migrated.Context, cpdHours: 0.75m);

            await migrated.Context.Database.MigrateAsync();

            var hours = await migrated.Context.ModuleCompletions.AsNoTracking().OrderBy(c => c.ScorePercent).Select(c => new { c.ScorePercent, c.CpdHoursAwarded }).ToListAsync();
            Assert.Equal([new { ScorePercent = 90, CpdHoursAwarded = (decimal?)null }, new { ScorePercent = 100, CpdHoursAwarded = (decimal?)0.75m }], hours);
        }
        finally
        {
            await migrated.Drop();
        }
    }

    /// <summary>A second completion by the learner, with the certificate issued with it, in SQL as at the step before CPD hours were kept.</summary>
    private static async Task AddCertifiedCompletionAsync(AppDbContext db, decimal cpdHours)
    {
        var progress = Guid.NewGuid();
        var completion = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ModuleProgress" ("Id", "UserId", "ModuleId", "Number", "StartedVersion", "StartedContentHash", "StartedAt", "LastActivityAt", "ActiveSeconds", "CompletedAt")
            VALUES ({progress}, {Learner}, 'grooming', {2}, '1.0', 'hash', {StartedAt}, {CompletedAt}, {300}, {CompletedAt})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ModuleCompletions" ("Id", "ProgressId", "UserId", "ModuleId", "ModuleVersion", "ContentHash", "ScorePercent", "TimeSpentSeconds", "CompletedAt")
            VALUES ({completion}, {progress}, {Learner}, 'grooming', '1.0', 'hash', {100}, {300}, {CompletedAt})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Certificates" ("Id", "CompletionId", "UserId", "Number", "VerificationCode", "LearnerName", "ModuleId", "ModuleTitle", "ModuleVersion", "CompletedOn", "ScorePercent", "CpdHours", "IssuedAt")
            VALUES ({Guid.NewGuid()}, {completion}, {Learner}, 'CSE-2026-ABCDEFGH', 'ABCDEFGHJKMNPQRSTUVW', 'Sam', 'grooming', 'Grooming', '1.0', {DateOnly.FromDateTime(CompletedAt)}, {100}, {cpdHours}, {CompletedAt})
            """);
    }

    [Fact]
    public async Task Migrating_a_second_time_changes_nothing()
    {
        var database = await NewDatabaseAsync();
        try
        {
            await database.Context.Database.MigrateAsync();
            var schema = await database.ReadSchema();
            var history = await database.Context.Database.GetAppliedMigrationsAsync();

            await database.Context.Database.MigrateAsync();

            Assert.Equal(schema, await database.ReadSchema());
            Assert.Equal(history, await database.Context.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await database.Context.Database.GetPendingMigrationsAsync());
            Assert.Equal(database.Context.Database.GetMigrations(), history);
        }
        finally
        {
            await database.Drop();
        }
    }
}

public sealed class MigrationSchemaTestsOnSqlite : MigrationSchemaTests
{
    protected override Task<(AppDbContext, Func<Task<IReadOnlyList<string>>>, Func<Task>)> NewDatabaseAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cselearning-schema", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = directory };
        var context = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(options.SqliteConnectionString).Options);
        return Task.FromResult<(AppDbContext, Func<Task<IReadOnlyList<string>>>, Func<Task>)>((
            context,
            () => SchemaReader.ReadSqliteAsync(options.SqliteConnectionString),
            async () =>
            {
                await context.DisposeAsync();
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }));
    }
}

public sealed class MigrationSchemaTestsOnPostgres : MigrationSchemaTests
{
    protected override async Task<(AppDbContext, Func<Task<IReadOnlyList<string>>>, Func<Task>)> NewDatabaseAsync()
    {
        var database = new TestPostgresDatabase();
        await database.CreateAsync();
        var context = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(database.ConnectionString).Options);
        return (
            context,
            () => SchemaReader.ReadPostgresAsync(database.ConnectionString),
            async () =>
            {
                await context.DisposeAsync();
                await database.DropAsync();
            });
    }
}
