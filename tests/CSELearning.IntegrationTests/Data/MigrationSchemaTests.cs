using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Data;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF Core model describes. The model's own
/// schema is what EnsureCreated builds from it; the two databases are read back and compared line by line.
/// </summary>
public abstract class MigrationSchemaTests
{
    protected abstract Task<(AppDbContext Context, Func<Task<IReadOnlyList<string>>> ReadSchema, Func<Task> Drop)> NewDatabaseAsync();

    [Fact]
    public async Task A_freshly_migrated_database_has_exactly_the_schema_of_the_model()
    {
        var migrated = await NewDatabaseAsync();
        var created = await NewDatabaseAsync();
        try
        {
            await migrated.Context.Database.MigrateAsync();
            await created.Context.Database.EnsureCreatedAsync();

            var fromMigrations = await migrated.ReadSchema();
            var fromModel = await created.ReadSchema();

            Assert.NotEmpty(fromModel);
            Assert.Equal(fromModel, fromMigrations);
            var modelTables = migrated.Context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order().ToList();
            var tables = fromMigrations.Where(l => l.StartsWith("table ", StringComparison.Ordinal))
                .Select(l => l.Split(' ')[1]).Order().ToList();
            Assert.Equal(modelTables, tables);
        }
        finally
        {
            await migrated.Drop();
            await created.Drop();
        }
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
