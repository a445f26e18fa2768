using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

/// <summary>
/// The reporting tables the commissioners' dashboards read, filled from the learning records already held; the covering indexes the dashboards read before go, as nothing reads them now
/// and every scenario choice, start and completion paid to keep them.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261125090000_ReportTables")]
public sealed class ReportTablesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_ScenarioDecisions_Report", table: "ScenarioDecisions");
        migrationBuilder.DropIndex(name: "IX_ModuleCompletions_Report", table: "ModuleCompletions");
        migrationBuilder.DropIndex(name: "IX_ModuleProgress_Report", table: "ModuleProgress");

        migrationBuilder.CreateTable(
            name: "UptakeRows",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                PartnershipId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                FirstStartedAt = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedVersion = table.Column<string>(maxLength: 20, nullable: true),
                CompletedMinutes = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_UptakeRows", x => new { x.UserId, x.ModuleId }));
        migrationBuilder.CreateIndex(name: "IX_UptakeRows_Report", table: "UptakeRows",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "CompletedMinutes", "FirstStartedAt", "CompletedAt"]);

        migrationBuilder.CreateTable(
            name: "ChoiceCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                ScenarioId = table.Column<string>(maxLength: 100, nullable: false),
                NodeId = table.Column<string>(maxLength: 100, nullable: false),
                ChoiceNumber = table.Column<int>(nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                People = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ChoiceCounts",
                x => new { x.PartnershipId, x.ModuleId, x.AgencyId, x.JobRole, x.ScenarioId, x.NodeId, x.ChoiceNumber, x.ModuleVersion, x.Day }));
        migrationBuilder.CreateIndex(name: "IX_ChoiceCounts_Report", table: "ChoiceCounts",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", "People"]);
        migrationBuilder.CreateIndex(name: "IX_ChoiceCounts_Role", table: "ChoiceCounts",
            columns: ["PartnershipId", "ModuleId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", "AgencyId", "People"]);

        migrationBuilder.CreateTable(
            name: "CompletionCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                Completions = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CompletionCounts", x => new { x.PartnershipId, x.AgencyId, x.JobRole, x.ModuleId, x.Month }));
        migrationBuilder.CreateIndex(name: "IX_CompletionCounts_Report", table: "CompletionCounts",
            columns: ["PartnershipId", "Month", "AgencyId", "JobRole", "ModuleId", "Completions"]);

        // Filled with the SQL the reporting code ran when this migration was written, copied in: that code goes on
        // changing, and this step must do the same on every database, whenever it runs.
        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        var emptyGuid = postgres ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";
        var day = postgres ? """CAST(d."MadeAt" AT TIME ZONE 'UTC' AS date)""" : """substr(d."MadeAt", 1, 10)""";
        var month = postgres ? """CAST(date_trunc('month', c."CompletedAt" AT TIME ZONE 'UTC') AS date)""" : """substr(c."CompletedAt", 1, 7) || '-01'""";

        migrationBuilder.Sql("""DELETE FROM "UptakeRows" """);
        migrationBuilder.Sql("""
            INSERT INTO "UptakeRows" ("UserId", "ModuleId", "PartnershipId", "AgencyId", "TeamId", "JobRole")
            SELECT u."Id", '', a."PartnershipId", u."AgencyId", u."TeamId", u."JobRole"
            FROM "AspNetUsers" u JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE u."Id" IS NOT NULL AND u."IsActive"
                AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = 'Learner')
            """);
        migrationBuilder.Sql("""
            INSERT INTO "UptakeRows" ("UserId", "ModuleId", "PartnershipId", "AgencyId", "TeamId", "JobRole", "FirstStartedAt", "CompletedAt", "CompletedVersion", "CompletedMinutes")
            SELECT u."Id", m."ModuleId", a."PartnershipId", u."AgencyId", u."TeamId", u."JobRole", m."FirstStartedAt",
                (SELECT c."CompletedAt" FROM "ModuleCompletions" c WHERE c."UserId" = m."UserId" AND c."ModuleId" = m."ModuleId" ORDER BY c."CompletedAt" DESC LIMIT 1), (SELECT c."ModuleVersion" FROM "ModuleCompletions" c WHERE c."UserId" = m."UserId" AND c."ModuleId" = m."ModuleId" ORDER BY c."CompletedAt" DESC LIMIT 1), (SELECT c."TimeSpentSeconds" / 60 FROM "ModuleCompletions" c WHERE c."UserId" = m."UserId" AND c."ModuleId" = m."ModuleId" ORDER BY c."CompletedAt" DESC LIMIT 1)
            FROM (SELECT p."UserId", p."ModuleId", MIN(p."StartedAt") AS "FirstStartedAt" FROM "ModuleProgress" p WHERE p."UserId" IS NOT NULL GROUP BY p."UserId", p."ModuleId") m
            JOIN "AspNetUsers" u ON u."Id" = m."UserId" JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE u."Id" IS NOT NULL AND u."IsActive"
                AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = 'Learner')
            """);
        migrationBuilder.Sql("""DELETE FROM "ChoiceCounts" """);
        migrationBuilder.Sql($"""
            INSERT INTO "ChoiceCounts" ( "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day" , "People")
            SELECT  "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day" , COUNT(*) FROM (SELECT l."PartnershipId", d."ModuleId", l."AgencyId", l."JobRole", d."ScenarioId", d."NodeId", d."ChoiceNumber", d."ModuleVersion", {day} AS "Day"
            FROM "ScenarioDecisions" d JOIN (SELECT u."Id", a."PartnershipId", u."AgencyId", u."JobRole"
            FROM "AspNetUsers" u JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = 'Learner')) l ON l."Id" = d."UserId"
            WHERE d."Playthrough" = 1 AND NOT EXISTS (SELECT 1 FROM "ScenarioDecisions" e WHERE e."ProgressId" = d."ProgressId" AND e."ScenarioId" = d."ScenarioId"
                AND e."Playthrough" = 1 AND e."NodeId" = d."NodeId" AND e."ChoiceNumber" = d."ChoiceNumber" AND e."MadeAt" < d."MadeAt")
            UNION ALL
            SELECT l."PartnershipId", d."ModuleId", l."AgencyId", l."JobRole", d."ScenarioId", d."NodeId", 0, d."ModuleVersion", {day}
            FROM "ScenarioDecisions" d JOIN (SELECT u."Id", a."PartnershipId", u."AgencyId", u."JobRole"
            FROM "AspNetUsers" u JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = 'Learner')) l ON l."Id" = d."UserId"
            WHERE d."Playthrough" = 1 AND NOT EXISTS (SELECT 1 FROM "ScenarioDecisions" e WHERE e."ProgressId" = d."ProgressId" AND e."ScenarioId" = d."ScenarioId"
                AND e."Playthrough" = 1 AND e."NodeId" = d."NodeId" AND e."MadeAt" < d."MadeAt")) x GROUP BY  "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day"
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "ChoiceCounts" ( "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day" , "People")
            SELECT "PartnershipId", "ModuleId", {emptyGuid}, '', "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", SUM("People")
            FROM "ChoiceCounts" GROUP BY "PartnershipId", "ModuleId", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day"
            """);
        migrationBuilder.Sql("""DELETE FROM "CompletionCounts" """);
        migrationBuilder.Sql($"""
            INSERT INTO "CompletionCounts" ("PartnershipId", "AgencyId", "JobRole", "ModuleId", "Month", "Completions")
            SELECT l."PartnershipId", l."AgencyId", l."JobRole", c."ModuleId", {month}, COUNT(*)
            FROM "ModuleCompletions" c JOIN (SELECT u."Id", a."PartnershipId", u."AgencyId", u."JobRole"
            FROM "AspNetUsers" u JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = 'Learner')) l ON l."Id" = c."UserId"
            GROUP BY l."PartnershipId", l."AgencyId", l."JobRole", c."ModuleId", {month}
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CompletionCounts");
        migrationBuilder.DropTable(name: "ChoiceCounts");
        migrationBuilder.DropTable(name: "UptakeRows");

        migrationBuilder.CreateIndex(name: "IX_ModuleProgress_Report", table: "ModuleProgress", columns: ["ModuleId", "StartedAt", "UserId"]);
        migrationBuilder.CreateIndex(name: "IX_ModuleCompletions_Report", table: "ModuleCompletions",
            columns: ["ModuleId", "CompletedAt", "ModuleVersion", "UserId", "TimeSpentSeconds"]);
        migrationBuilder.CreateIndex(name: "IX_ScenarioDecisions_Report", table: "ScenarioDecisions",
            columns: ["ModuleId", "Playthrough", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "MadeAt", "UserId"]);
    }
}
