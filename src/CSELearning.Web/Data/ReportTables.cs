using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CSELearning.Web.Data;

/// <summary>
/// Keeps the reporting tables (<see cref="Domain.Reporting.UptakeRow"/> with its sums <see cref="Domain.Reporting.UptakeCount"/>
/// and <see cref="Domain.Reporting.LearningTimeCount"/>, <see cref="Domain.Reporting.ChoiceCount"/>,
/// <see cref="Domain.Reporting.CompletionCount"/>) in step with what a save changes, inside the save's own
/// transaction, so a report never sees a completion without its count or the other way round.
///
/// What moves them: a person's agency, team, job role, active state or roles, a module started, a completion
/// and a first-time scenario choice. Choices and completions are only ever added, so their counts are only ever
/// added to; a person's uptake rows are worked out again from the source tables each time.
/// Writes that go round the change tracker (raw SQL) must call <see cref="RebuildAllAsync"/> afterwards.
/// </summary>
internal sealed class ReportTables
{
    private static readonly HashSet<string> ReportedUserProperties =
        [nameof(User.AgencyId), nameof(User.TeamId), nameof(User.JobRole), nameof(User.IsActive)];

    /// <summary>Whether the person u holds the Learner role, whose name is parameter {0}.</summary>
    private const string HoldsLearnerRole = """EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = {0})""";

    /// <summary>Few enough parameters for any provider's limit in one statement.</summary>
    private const int Chunk = 400;

    private readonly HashSet<Guid> _people = [];
    private readonly List<ScenarioDecision> _decisions = [];
    private readonly List<ModuleCompletion> _completions = [];

    private ReportTables() { }

    /// <summary>What the pending save will change in the reporting tables, or null when it changes nothing there.</summary>
    public static ReportTables? Collect(ChangeTracker tracker)
    {
        var tables = new ReportTables();
        foreach (var entry in tracker.Entries())
        {
            var addedOrDeleted = entry.State is EntityState.Added or EntityState.Deleted;
            switch (entry.Entity)
            {
                case User user when addedOrDeleted || (entry.State == EntityState.Modified
                        && entry.Properties.Any(p => p.IsModified && ReportedUserProperties.Contains(p.Metadata.Name))):
                    tables._people.Add(user.Id);
                    break;
                case IdentityUserRole<Guid> role when addedOrDeleted:
                    tables._people.Add(role.UserId);
                    break;
                case ModuleProgress progress when addedOrDeleted:
                    tables._people.Add(progress.UserId);
                    break;
                case ModuleCompletion completion when addedOrDeleted:
                    tables._people.Add(completion.UserId);
                    if (entry.State == EntityState.Added) tables._completions.Add(completion);
                    break;
                case ScenarioDecision decision when entry.State == EntityState.Added && decision.Playthrough == 1:
                    tables._decisions.Add(decision);
                    break;
            }
        }
        return tables._people.Count + tables._decisions.Count + tables._completions.Count == 0 ? null : tables;
    }

    /// <summary>Brings the tables up to date with what was just saved; runs in the same transaction, after the save.</summary>
    public async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var people in _people.Chunk(Chunk)) await RebuildUptakeAsync(db, people, ct);
        if (_decisions.Count == 0 && _completions.Count == 0) return;

        var learners = await LearnersAsync(db, _decisions.Select(d => d.UserId).Concat(_completions.Select(c => c.UserId)).Distinct().ToList(), ct);
        await CountChoicesAsync(db, learners, ct);
        var months = _completions.Where(c => learners.ContainsKey(c.UserId))
            .GroupBy(c => (Learner: learners[c.UserId], c.ModuleId, Month: new DateOnly(c.CompletedAt.Year, c.CompletedAt.Month, 1)))
            .Select(g => new object[] { g.Key.Learner.PartnershipId, g.Key.Learner.AgencyId, g.Key.Learner.JobRole, g.Key.ModuleId, g.Key.Month, g.Count() })
            .ToList();
        await UpsertAsync(db, """
            INSERT INTO "CompletionCounts" ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month", "Completions") VALUES {0}
            ON CONFLICT ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month")
            DO UPDATE SET "Completions" = "CompletionCounts"."Completions" + excluded."Completions"
            """, months, ct);
    }

    private sealed record Learner(Guid PartnershipId, Guid AgencyId, string JobRole);

    /// <summary>The partnership, agency and job role of those of these people who have the Learner role, as they are now.</summary>
    private static async Task<Dictionary<Guid, Learner>> LearnersAsync(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var learners = new Dictionary<Guid, Learner>();
        var learnerRole = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id) && u.AgencyId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && learnerRole.Contains(ur.RoleId)))
                .Select(u => new { u.Id, u.Agency!.PartnershipId, AgencyId = u.AgencyId!.Value, u.JobRole })
                .ToListAsync(ct);
            foreach (var u in found) learners[u.Id] = new Learner(u.PartnershipId, u.AgencyId, u.JobRole.ToString());
        }
        return learners;
    }

    /// <summary>
    /// Adds each new decision that is its progress's first at its decision point, and its first of that option
    /// there (going back and choosing again adds nothing), to the partnership's count and to its agency and job role's.
    /// </summary>
    private async Task CountChoicesAsync(AppDbContext db, Dictionary<Guid, Learner> learners, CancellationToken ct)
    {
        var decisions = _decisions.Where(d => learners.ContainsKey(d.UserId)).ToList();
        if (decisions.Count == 0) return;
        var earlier = new List<(Guid Id, Guid ProgressId, string ScenarioId, string NodeId, int ChoiceNumber, DateTime MadeAt)>();
        foreach (var chunk in decisions.Select(d => d.ProgressId).Distinct().Chunk(Chunk))
        {
            earlier.AddRange((await db.ScenarioDecisions.AsNoTracking()
                .Where(d => chunk.Contains(d.ProgressId) && d.Playthrough == 1)
                .Select(d => new { d.Id, d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber, d.MadeAt })
                .ToListAsync(ct)).Select(d => (d.Id, d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber, d.MadeAt)));
        }
        // The first decision at each point, and of each option at each point, by time (then id, for a tie).
        var firstAtNode = earlier.GroupBy(d => (d.ProgressId, d.ScenarioId, d.NodeId))
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.MadeAt).ThenBy(d => d.Id).First().Id);
        var firstOfOption = earlier.GroupBy(d => (d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber))
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.MadeAt).ThenBy(d => d.Id).First().Id);

        var counts = new Dictionary<(Guid, string, Guid, string, string, string, int, string, DateOnly), int>();
        void Add(Learner learner, ScenarioDecision d, int choiceNumber)
        {
            var day = DateOnly.FromDateTime(d.MadeAt);
            foreach (var (agency, role) in new[] { (Guid.Empty, ""), (learner.AgencyId, learner.JobRole) })
            {
                var key = (learner.PartnershipId, d.ModuleId, agency, role, d.ScenarioId, d.NodeId, choiceNumber, d.ModuleVersion, day);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var d in decisions)
        {
            if (firstAtNode.GetValueOrDefault((d.ProgressId, d.ScenarioId, d.NodeId)) == d.Id) Add(learners[d.UserId], d, 0);
            if (firstOfOption.GetValueOrDefault((d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber)) == d.Id) Add(learners[d.UserId], d, d.ChoiceNumber);
        }
        await UpsertAsync(db, """
            INSERT INTO "ChoiceCounts" ("PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", "People") VALUES {0}
            ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day")
            DO UPDATE SET "People" = "ChoiceCounts"."People" + excluded."People"
            """,
            counts.Select(c => new object[] { c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Key.Item4, c.Key.Item5, c.Key.Item6, c.Key.Item7, c.Key.Item8, c.Key.Item9, c.Value }).ToList(), ct);
    }

    /// <summary>Runs an INSERT … ON CONFLICT statement (SQLite and PostgreSQL both take it) for the rows, a chunk of them at a time.</summary>
    private static async Task UpsertAsync(AppDbContext db, string sql, List<object[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var width = rows[0].Length;
        foreach (var chunk in rows.Chunk(Math.Max(1, Chunk * 2 / width)))
        {
            var values = string.Join(", ", chunk.Select((_, r) => "(" + string.Join(", ", Enumerable.Range(r * width, width).Select(i => "{" + i + "}")) + ")"));
            await db.Database.ExecuteSqlRawAsync(sql.Replace("{0}", values, StringComparison.Ordinal), chunk.SelectMany(r => r).ToArray(), ct);
        }
    }

    /// <summary>
    /// Works out these people's uptake rows again from the source tables, taking their old rows out of the
    /// uptake and learning-time counts and adding their new ones in.
    /// </summary>
    private static async Task RebuildUptakeAsync(AppDbContext db, Guid[] people, CancellationToken ct)
    {
        static string In(int first, int count) => "IN (" + string.Join(", ", Enumerable.Range(first, count).Select(i => "{" + i + "}")) + ")";
        var provider = db.Database.ProviderName ?? "";
        var ids = people.Cast<object>().ToArray();
        // Only numbered placeholders go into the SQL text; the ids go as parameters. On PostgreSQL two saves for the
        // same person take turns here, so each subtracts the rows the other left rather than the rows both saw first
        // (SQLite writes one transaction at a time already). The lock leaves other transactions free to refer to them.
        var inIds = In(0, ids.Length);
        var lockPeople = """SELECT "Id" FROM "AspNetUsers" WHERE "Id" """ + inIds + """ ORDER BY "Id" FOR NO KEY UPDATE""";
        var delete = """DELETE FROM "UptakeRows" WHERE "UserId" """ + inIds;
        if (IsPostgres(provider)) await db.Database.ExecuteSqlRawAsync(lockPeople, ids, ct);
        foreach (var sql in CountsSql(provider, inIds, "-")) await db.Database.ExecuteSqlRawAsync(sql, ids, ct);
        await db.Database.ExecuteSqlRawAsync(delete, ids, ct);
        foreach (var sql in UptakeSql(In(1, ids.Length))) await db.Database.ExecuteSqlRawAsync(sql, [Roles.Learner, .. ids], ct);
        foreach (var sql in CountsSql(provider, inIds, "")) await db.Database.ExecuteSqlRawAsync(sql, ids, ct);
    }

    private static bool IsPostgres(string provider) => provider.Contains("Npgsql", StringComparison.Ordinal);

    private static string EmptyGuid(string provider) =>
        IsPostgres(provider) ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";

    /// <summary>Fills the empty uptake and learning-time counts from every uptake row.</summary>
    internal static IEnumerable<string> FillUptakeCountsSql(string provider) => CountsSql(provider, "IS NOT NULL", "");

    /// <summary>
    /// Adds the uptake rows of the people whose id matches <paramref name="people"/> to the uptake and learning-time
    /// counts, or takes them away when <paramref name="sign"/> is "-".
    /// </summary>
    private static IEnumerable<string> CountsSql(string provider, string people, string sign)
    {
        var key = $"""
            "PartnershipId", "ModuleId", "AgencyId", COALESCE("TeamId", {EmptyGuid(provider)}), "JobRole", COALESCE("CompletedVersion", '')
            """;
        yield return $"""
            INSERT INTO "UptakeCounts" ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "People")
            SELECT {key}, {sign}COUNT(*) FROM "UptakeRows" WHERE "UserId" {people} GROUP BY {key}
            ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion")
            DO UPDATE SET "People" = "UptakeCounts"."People" + excluded."People"
            """;
        yield return $"""
            INSERT INTO "LearningTimeCounts" ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "Minutes", "People")
            SELECT {key}, COALESCE("CompletedMinutes", 0), {sign}COUNT(*) FROM "UptakeRows" WHERE "UserId" {people} AND "CompletedAt" IS NOT NULL
            GROUP BY {key}, COALESCE("CompletedMinutes", 0)
            ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "Minutes")
            DO UPDATE SET "People" = "LearningTimeCounts"."People" + excluded."People"
            """;
    }

    /// <summary>
    /// Every reporting table worked out afresh from the source tables: after the migration that made them, and
    /// after any write that went round the change tracker. Counts choices and completions under each person's
    /// agency and job role as they are now (the tables record them as they were at the time from then on).
    /// </summary>
    public static async Task RebuildAllAsync(AppDbContext db, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(token) : null;
            foreach (var sql in RebuildSql(db.Database.ProviderName ?? ""))
                await db.Database.ExecuteSqlRawAsync(sql, sql.Contains("{0}", StringComparison.Ordinal) ? [Roles.Learner] : [], token);
            if (transaction is not null) await transaction.CommitAsync(token);
        }, ct);
    }

    /// <summary>
    /// The statements that rebuild every reporting table; {0} is the Learner role's name. Without
    /// <paramref name="uptakeCounts"/>, those for the tables the first reporting migration made, which run it.
    /// </summary>
    internal static IEnumerable<string> RebuildSql(string provider, bool uptakeCounts = true)
    {
        var postgres = IsPostgres(provider);
        var day = postgres ? """CAST(d."MadeAt" AT TIME ZONE 'UTC' AS date)""" : """substr(d."MadeAt", 1, 10)""";
        var month = postgres ? """CAST(date_trunc('month', c."CompletedAt" AT TIME ZONE 'UTC') AS date)""" : """substr(c."CompletedAt", 1, 7) || '-01'""";
        var empty = EmptyGuid(provider);
        const string learners = $"""
            SELECT u."Id", a."PartnershipId", u."AgencyId", u."JobRole"
            FROM "AspNetUsers" u JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE {HoldsLearnerRole}
            """;
        // A decision counts at its point (choice 0) when no earlier one of its progress's first time through is
        // there, and for its option when no earlier one chose that option there.
        var choices = $"""
            SELECT l."PartnershipId", d."ModuleId", l."AgencyId", l."JobRole", d."ScenarioId", d."NodeId", d."ChoiceNumber", d."ModuleVersion", {day} AS "Day"
            FROM "ScenarioDecisions" d JOIN ({learners}) l ON l."Id" = d."UserId"
            WHERE d."Playthrough" = 1 AND NOT EXISTS (SELECT 1 FROM "ScenarioDecisions" e WHERE e."ProgressId" = d."ProgressId" AND e."ScenarioId" = d."ScenarioId"
                AND e."Playthrough" = 1 AND e."NodeId" = d."NodeId" AND e."ChoiceNumber" = d."ChoiceNumber" AND e."MadeAt" < d."MadeAt")
            UNION ALL
            SELECT l."PartnershipId", d."ModuleId", l."AgencyId", l."JobRole", d."ScenarioId", d."NodeId", 0, d."ModuleVersion", {day}
            FROM "ScenarioDecisions" d JOIN ({learners}) l ON l."Id" = d."UserId"
            WHERE d."Playthrough" = 1 AND NOT EXISTS (SELECT 1 FROM "ScenarioDecisions" e WHERE e."ProgressId" = d."ProgressId" AND e."ScenarioId" = d."ScenarioId"
                AND e."Playthrough" = 1 AND e."NodeId" = d."NodeId" AND e."MadeAt" < d."MadeAt")
            """;
        const string columns = """ "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day" """;
        yield return """DELETE FROM "UptakeRows" """;
        foreach (var sql in UptakeSql("IS NOT NULL")) yield return sql;
        if (uptakeCounts)
        {
            yield return """DELETE FROM "UptakeCounts" """;
            yield return """DELETE FROM "LearningTimeCounts" """;
            foreach (var sql in FillUptakeCountsSql(provider)) yield return sql;
        }
        yield return """DELETE FROM "ChoiceCounts" """;
        yield return $"""
            INSERT INTO "ChoiceCounts" ({columns}, "People")
            SELECT {columns}, COUNT(*) FROM ({choices}) x GROUP BY {columns}
            """;
        yield return $"""
            INSERT INTO "ChoiceCounts" ({columns}, "People")
            SELECT "PartnershipId", "ModuleId", {empty}, '', "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", SUM("People")
            FROM "ChoiceCounts" GROUP BY "PartnershipId", "ModuleId", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day"
            """;
        yield return """DELETE FROM "CompletionCounts" """;
        yield return $"""
            INSERT INTO "CompletionCounts" ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month", "Completions")
            SELECT l."PartnershipId", l."AgencyId", l."JobRole", c."ModuleId", {month}, COUNT(*)
            FROM "ModuleCompletions" c JOIN ({learners}) l ON l."Id" = c."UserId"
            GROUP BY l."PartnershipId", l."AgencyId", l."JobRole", c."ModuleId", {month}
            """;
    }

    /// <summary>
    /// Inserts the uptake rows of the people whose id matches <paramref name="people"/> ("IN ({1}, …)", or "IS NOT NULL"
    /// for everyone): a row for each active learner in an agency, and one for each module they have started, with
    /// their latest completion of it. {0} is the Learner role's name.
    /// </summary>
    private static IEnumerable<string> UptakeSql(string people)
    {
        var counted = $$"""
            JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE u."Id" {{people}} AND u."IsActive"
                AND {{HoldsLearnerRole}}
            """;
        const string latest = """FROM "ModuleCompletions" c WHERE c."UserId" = m."UserId" AND c."ModuleId" = m."ModuleId" ORDER BY c."CompletedAt" DESC LIMIT 1""";
        yield return $"""
            INSERT INTO "UptakeRows" ("UserId", "ModuleId", "PartnershipId", "AgencyId", "TeamId", "JobRole")
            SELECT u."Id", '', a."PartnershipId", u."AgencyId", u."TeamId", u."JobRole"
            FROM "AspNetUsers" u {counted}
            """;
        yield return $"""
            INSERT INTO "UptakeRows" ("UserId", "ModuleId", "PartnershipId", "AgencyId", "TeamId", "JobRole", "FirstStartedAt", "CompletedAt", "CompletedVersion", "CompletedMinutes")
            SELECT u."Id", m."ModuleId", a."PartnershipId", u."AgencyId", u."TeamId", u."JobRole", m."FirstStartedAt",
                (SELECT c."CompletedAt" {latest}), (SELECT c."ModuleVersion" {latest}), (SELECT c."TimeSpentSeconds" / 60 {latest})
            FROM (SELECT p."UserId", p."ModuleId", MIN(p."StartedAt") AS "FirstStartedAt" FROM "ModuleProgress" p WHERE p."UserId" {people} GROUP BY p."UserId", p."ModuleId") m
            JOIN "AspNetUsers" u ON u."Id" = m."UserId" {counted}
            """;
    }
}
