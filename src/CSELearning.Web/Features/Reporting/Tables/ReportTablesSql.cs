namespace CSELearning.Web.Features.Reporting.Tables;

// Statements take numbered placeholders ({0}, {1}, …) only; values always go as parameters.
internal static class ReportTablesSql
{
    private const string HoldsLearnerRole = """EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = {0})""";

    public const string AddCompletions = """
        INSERT INTO "CompletionCounts" ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month", "Completions") VALUES {0}
        ON CONFLICT ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month")
        DO UPDATE SET "Completions" = "CompletionCounts"."Completions" + excluded."Completions"
        """;

    public const string AddChoices = """
        INSERT INTO "ChoiceCounts" ("PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", "People") VALUES {0}
        ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day")
        DO UPDATE SET "People" = "ChoiceCounts"."People" + excluded."People"
        """;

    public const string AddCheckTotals = """
        INSERT INTO "CheckTotalCounts" ("ModuleId", "ModuleVersion", "CheckId", "Total", "Attempts") VALUES {0}
        ON CONFLICT ("ModuleId", "ModuleVersion", "CheckId", "Total")
        DO UPDATE SET "Attempts" = "CheckTotalCounts"."Attempts" + excluded."Attempts"
        """;

    public const string AddQuestionTotals = """
        INSERT INTO "QuestionTotalCounts" ("ModuleId", "ModuleVersion", "CheckId", "QuestionId", "Total", "Correct") VALUES {0}
        ON CONFLICT ("ModuleId", "ModuleVersion", "CheckId", "QuestionId", "Total")
        DO UPDATE SET "Correct" = "QuestionTotalCounts"."Correct" + excluded."Correct"
        """;

    public const string AddOptionChoices = """
        INSERT INTO "OptionChoiceCounts" ("ModuleId", "ModuleVersion", "CheckId", "QuestionId", "OptionNumber", "Attempts") VALUES {0}
        ON CONFLICT ("ModuleId", "ModuleVersion", "CheckId", "QuestionId", "OptionNumber")
        DO UPDATE SET "Attempts" = "OptionChoiceCounts"."Attempts" + excluded."Attempts"
        """;

    public const string AddEndings = """
        INSERT INTO "EndingCounts" ("PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day", "People") VALUES {0}
        ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day")
        DO UPDATE SET "People" = "EndingCounts"."People" + excluded."People"
        """;

    public static bool IsPostgres(string provider) => provider.Contains("Npgsql", StringComparison.Ordinal);

    public static string In(int first, int count) =>
        "IN (" + string.Join(", ", Enumerable.Range(first, count).Select(i => "{" + i + "}")) + ")";

    public static IEnumerable<(string Sql, bool LearnerRoleFirst)> RebuildPeople(string provider, int count)
    {
        var inIds = In(0, count);
        // On PostgreSQL two saves for the same person take turns here, so each subtracts the rows the other left rather
        // than the rows both saw first (SQLite writes one transaction at a time already).
        if (IsPostgres(provider))
            yield return ("""SELECT "Id" FROM "AspNetUsers" WHERE "Id" """ + inIds + """ ORDER BY "Id" FOR NO KEY UPDATE""", false);
        foreach (var sql in Counts(provider, inIds, "-")) yield return (sql, false);
        yield return ("""DELETE FROM "UptakeRows" WHERE "UserId" """ + inIds, false);
        foreach (var sql in Uptake(In(1, count))) yield return (sql, true);
        foreach (var sql in Counts(provider, inIds, "")) yield return (sql, false);
    }

    private static IEnumerable<string> FillUptakeCounts(string provider) => Counts(provider, "IS NOT NULL", "");

    // Counts choices and completions under each person's agency and job role as they are now.
    public static IEnumerable<string> RebuildAll(string provider)
    {
        var postgres = IsPostgres(provider);
        var day = postgres ? """CAST(d."MadeAt" AT TIME ZONE 'UTC' AS date)""" : """substr(d."MadeAt", 1, 10)""";
        var endedDay = postgres ? """CAST(r."EndedAt" AT TIME ZONE 'UTC' AS date)""" : """substr(r."EndedAt", 1, 10)""";
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
        foreach (var sql in Uptake("IS NOT NULL")) yield return sql;
        yield return """DELETE FROM "UptakeCounts" """;
        yield return """DELETE FROM "LearningTimeCounts" """;
        foreach (var sql in FillUptakeCounts(provider)) yield return sql;
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
        const string endingColumns = """ "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day" """;
        yield return """DELETE FROM "EndingCounts" """;
        yield return $"""
            INSERT INTO "EndingCounts" ({endingColumns}, "People")
            SELECT l."PartnershipId", r."ModuleId", l."AgencyId", l."JobRole", r."ScenarioId", r."EndingNodeId", r."ModuleVersion", {endedDay}, COUNT(*)
            FROM "ScenarioRuns" r JOIN ({learners}) l ON l."Id" = r."UserId"
            WHERE r."Playthrough" = 1
            GROUP BY l."PartnershipId", r."ModuleId", l."AgencyId", l."JobRole", r."ScenarioId", r."EndingNodeId", r."ModuleVersion", {endedDay}
            """;
        yield return $"""
            INSERT INTO "EndingCounts" ({endingColumns}, "People")
            SELECT "PartnershipId", "ModuleId", {empty}, '', "ScenarioId", "EndingNodeId", "ModuleVersion", "Day", SUM("People")
            FROM "EndingCounts" GROUP BY "PartnershipId", "ModuleId", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day"
            """;
        yield return """DELETE FROM "CompletionCounts" """;
        yield return $"""
            INSERT INTO "CompletionCounts" ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month", "Completions")
            SELECT l."PartnershipId", l."AgencyId", l."JobRole", c."ModuleId", {month}, COUNT(*)
            FROM "ModuleCompletions" c JOIN ({learners}) l ON l."Id" = c."UserId"
            GROUP BY l."PartnershipId", l."AgencyId", l."JobRole", c."ModuleId", {month}
            """;
        foreach (var sql in ItemAnalysis(provider)) yield return sql;
    }

    // First attempts only (number 1 of a progress at a check), and only those that kept which questions they got
    // right. Every question of a check is answered, so a question's answers name the attempts that answered it.
    private static IEnumerable<string> ItemAnalysis(string provider)
    {
        var right = IsPostgres(provider)
            ? """strpos(';' || a."CorrectQuestions" || ';', ';' || q."QuestionId" || ';') > 0"""
            : """instr(';' || a."CorrectQuestions" || ';', ';' || q."QuestionId" || ';') > 0""";
        const string first = """FROM "KnowledgeCheckAttempts" a WHERE a."Number" = 1 AND a."CorrectQuestions" IS NOT NULL""";
        yield return """DELETE FROM "CheckTotalCounts" """;
        yield return $"""
            INSERT INTO "CheckTotalCounts" ("ModuleId", "ModuleVersion", "CheckId", "Total", "Attempts")
            SELECT a."ModuleId", a."ModuleVersion", a."CheckId", a."CorrectCount", COUNT(*) {first}
            GROUP BY a."ModuleId", a."ModuleVersion", a."CheckId", a."CorrectCount"
            """;
        yield return """DELETE FROM "QuestionTotalCounts" """;
        yield return $"""
            INSERT INTO "QuestionTotalCounts" ("ModuleId", "ModuleVersion", "CheckId", "QuestionId", "Total", "Correct")
            SELECT a."ModuleId", a."ModuleVersion", a."CheckId", q."QuestionId", a."CorrectCount", SUM(CASE WHEN {right} THEN 1 ELSE 0 END)
            FROM "KnowledgeCheckAttempts" a JOIN (SELECT DISTINCT "AttemptId", "QuestionId" FROM "KnowledgeCheckAnswers") q ON q."AttemptId" = a."Id"
            WHERE a."Number" = 1 AND a."CorrectQuestions" IS NOT NULL
            GROUP BY a."ModuleId", a."ModuleVersion", a."CheckId", q."QuestionId", a."CorrectCount"
            """;
        yield return """DELETE FROM "OptionChoiceCounts" """;
        yield return """
            INSERT INTO "OptionChoiceCounts" ("ModuleId", "ModuleVersion", "CheckId", "QuestionId", "OptionNumber", "Attempts")
            SELECT a."ModuleId", a."ModuleVersion", a."CheckId", x."QuestionId", x."OptionNumber", COUNT(*)
            FROM "KnowledgeCheckAttempts" a JOIN "KnowledgeCheckAnswers" x ON x."AttemptId" = a."Id"
            WHERE a."Number" = 1 AND a."CorrectQuestions" IS NOT NULL
            GROUP BY a."ModuleId", a."ModuleVersion", a."CheckId", x."QuestionId", x."OptionNumber"
            """;
    }

    private static string EmptyGuid(string provider) =>
        IsPostgres(provider) ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";

    private static IEnumerable<string> Counts(string provider, string people, string sign)
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

    private static IEnumerable<string> Uptake(string people)
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
