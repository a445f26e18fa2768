using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CSELearning.IntegrationTests.Data;

/// <summary>
/// Reads a database's actual schema (tables, columns with types and nullability, keys, indexes, foreign keys)
/// into sorted lines, so two databases can be compared and any difference printed plainly.
/// </summary>
public static class SchemaReader
{
    private static readonly string[] EfTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    public static async Task<IReadOnlyList<string>> ReadSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => !EfTables.Contains(t.Name)))
        {
            lines.Add($"table {table}{(sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : "")}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} {(r.GetInt64(3) == 1 ? "not null" : "null")} pk={r.GetInt64(5)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")",
                r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1, Origin: r.GetString(3)));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                // Primary-key and unique-constraint indexes are named by SQLite itself; describe them by content.
                var name = index.Origin == "c" ? index.Name : $"({index.Origin})";
                lines.Add($"index {table} {name} [{string.Join(",", columns)}]{(index.Unique ? " unique" : "")}");
            }
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static async Task<IReadOnlyList<string>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var excluded = string.Join(",", EfTables.Select(t => $"'{t}'"));
        lines.AddRange(await QueryAsync(connection,
            $"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ({excluded})",
            r => $"table {r.GetString(0)}"));
        lines.AddRange(await QueryAsync(connection,
            $"""
            SELECT table_name, column_name, data_type, COALESCE(character_maximum_length, -1), is_nullable, is_identity, COALESCE(identity_generation, ''), COALESCE(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ({excluded})
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} identity={r.GetString(5)} {r.GetString(6)} default={r.GetString(7)}"));
        lines.AddRange(await QueryAsync(connection,
            $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ({excluded})",
            r => $"index {r.GetString(0)} {r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await QueryAsync(connection,
            $"""
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, pg_get_constraintdef(c.oid)
            FROM information_schema.table_constraints tc
            JOIN pg_constraint c ON c.conname = tc.constraint_name
            JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
            WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE') AND tc.table_name NOT IN ({excluded})
            """,
            r => $"constraint {r.GetString(0)} {r.GetString(1)} {r.GetString(2)} {r.GetString(3)}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}
