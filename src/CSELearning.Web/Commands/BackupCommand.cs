using CSELearning.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Commands;

// SQLite's online backup API copies every page inside one read transaction, so the copy is the database
// at one moment and writers are not held up in WAL mode.
public static class BackupCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var database = WebApplication.CreateBuilder(args).Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        // On PostgreSQL the command only says what to use instead, so its settings need not be complete.
        if (!database.IsPostgreSql && new DatabaseOptionsValidator().Validate(null, database) is { Failed: true } invalid)
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), invalid.Failures);
        return RunAsync(database, args, output, error);
    }

    public static async Task<int> RunAsync(DatabaseOptions options, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var index = Array.IndexOf(args, "--to");
        if (index < 0 || index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
        {
            await error.WriteLineAsync("Usage: backup --to <file>  (the file must not exist yet)");
            return 2;
        }
        if (options.IsPostgreSql)
        {
            await error.WriteLineAsync("The backup command copies the SQLite database; this site is on PostgreSQL. Back it up with PostgreSQL's own tools, for example: pg_dump --format=custom --file=cselearning.dump <database>");
            return 1;
        }
        if (!options.IsSqlite || string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            await error.WriteLineAsync("The backup command needs Database:Provider set to Sqlite and Database:DataDirectory set.");
            return 1;
        }

        var target = Path.GetFullPath(args[index + 1]);
        var source = options.SqliteDatabasePath;
        if (!File.Exists(source))
        {
            await error.WriteLineAsync($"There is no database to back up at {source}.");
            return 1;
        }
        if (File.Exists(target) || Directory.Exists(target))
        {
            await error.WriteLineAsync($"{target} already exists: the backup will not overwrite it. Choose a new file name.");
            return 1;
        }
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"Cannot write the backup to {target}: the folder {folder} does not exist.");
            return 1;
        }

        // Moved into place only when complete, so the named file is never half written.
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var from = new SqliteConnection(SourceConnectionString(options)))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync(cancellationToken);
                await using (var busy = from.CreateCommand())
                {
                    busy.CommandText = $"PRAGMA busy_timeout={options.BusyTimeoutMilliseconds};";
                    await busy.ExecuteNonQueryAsync(cancellationToken);
                }
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
                // The copy is one file: no write-ahead log to carry about with it.
                await using var check = to.CreateCommand();
                check.CommandText = "PRAGMA journal_mode=DELETE;";
                await check.ExecuteNonQueryAsync(cancellationToken);
                check.CommandText = "PRAGMA integrity_check;";
                var result = Convert.ToString(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                if (result != "ok")
                {
                    await error.WriteLineAsync($"The backup failed its integrity check ({result}); nothing was written to {target}.");
                    return 1;
                }
            }
            File.Move(partial, target, overwrite: false);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The backup to {target} failed: {ex.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(partial)) File.Delete(partial);
        }

        await output.WriteLineAsync($"Backed up {source} to {target} ({new FileInfo(target).Length:N0} bytes, integrity check ok).");
        return 0;
    }

    private static string SourceConnectionString(DatabaseOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = options.SqliteDatabasePath,
        // The database must exist already: a backup never creates one.
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
    }.ToString();
}
