using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// The reporting table for the scenario report's endings: each progress's first time through a scenario, counted at the
// ending it reached, for the partnership and under the learner's agency and job role. Filled from the runs already
// recorded, with the SQL the reporting code ran when this was written.
[DbContext(typeof(AppDbContext))]
[Migration("20261207120000_EndingCounts")]
public sealed class EndingCountsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EndingCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                ScenarioId = table.Column<string>(maxLength: 100, nullable: false),
                EndingNodeId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                People = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_EndingCounts",
                x => new { x.PartnershipId, x.ModuleId, x.AgencyId, x.JobRole, x.ScenarioId, x.EndingNodeId, x.ModuleVersion, x.Day }));
        migrationBuilder.CreateIndex(name: "IX_EndingCounts_Report", table: "EndingCounts",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day", "People"]);
        migrationBuilder.CreateIndex(name: "IX_EndingCounts_Role", table: "EndingCounts",
            columns: ["PartnershipId", "ModuleId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day", "AgencyId", "People"]);

        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        var emptyGuid = postgres ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";
        var day = postgres ? """CAST(r."EndedAt" AT TIME ZONE 'UTC' AS date)""" : """substr(r."EndedAt", 1, 10)""";
        migrationBuilder.Sql($"""
            INSERT INTO "EndingCounts" ( "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day" , "People")
            SELECT l."PartnershipId", r."ModuleId", l."AgencyId", l."JobRole", r."ScenarioId", r."EndingNodeId", r."ModuleVersion", {day}, COUNT(*)
            FROM "ScenarioRuns" r JOIN (SELECT u."Id", a."PartnershipId", u."AgencyId", u."JobRole"
            FROM "AspNetUsers" u JOIN "Agencies" a ON a."Id" = u."AgencyId"
            WHERE EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = 'Learner')) l ON l."Id" = r."UserId"
            WHERE r."Playthrough" = 1
            GROUP BY l."PartnershipId", r."ModuleId", l."AgencyId", l."JobRole", r."ScenarioId", r."EndingNodeId", r."ModuleVersion", {day}
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "EndingCounts" ( "PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day" , "People")
            SELECT "PartnershipId", "ModuleId", {emptyGuid}, '', "ScenarioId", "EndingNodeId", "ModuleVersion", "Day", SUM("People")
            FROM "EndingCounts" GROUP BY "PartnershipId", "ModuleId", "ScenarioId", "EndingNodeId", "ModuleVersion", "Day"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "EndingCounts");
    }
}
